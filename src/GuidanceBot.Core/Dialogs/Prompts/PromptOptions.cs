using System.Text.Json;
using System.Text.Json.Nodes;
using GuidanceBot.Engine;

namespace GuidanceBot.Dialogs;

/// <summary>What a prompt asks, in the conversation's language; persisted with the prompt while it waits.</summary>
public sealed class PromptOptions
{
    public string? Prompt { get; set; }

    /// <summary>Sent after an answer that was not accepted; the prompt itself when null.</summary>
    public string? RetryPrompt { get; set; }

    /// <summary>Choice titles, shown as buttons (Web Chat, Zalo) or numbered lines (plain text).</summary>
    public List<string>? Choices { get; set; }

    /// <summary>Wrong answers allowed before the prompt gives up and ends with <see cref="DialogReason.RetryLimit"/>.</summary>
    public int MaxAttempts { get; set; } = 3;

    public decimal? Min { get; set; }
    public decimal? Max { get; set; }

    /// <summary>A known birth year, so an ID number can be checked against it.</summary>
    public int? BirthYear { get; set; }

    public JsonNode ToJson() => JsonSerializer.SerializeToNode(this, StateJson.Default.PromptOptions)!;

    public static PromptOptions FromJson(JsonNode? node) =>
        node is null ? new PromptOptions() : node.Deserialize(StateJson.Default.PromptOptions) ?? new PromptOptions();
}
