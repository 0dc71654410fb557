using System.Text.Json;
using System.Text.Json.Nodes;
using GuidanceBot.Activities;
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

    /// <summary>
    /// An answer the prompt does not recognise ends it with <see cref="DialogReason.PassedOn"/> and no value, so the dialog
    /// below reads the message (a side question the citizen ignored, or answered by going on), instead of asking again.
    /// </summary>
    public bool PassOn { get; set; }

    /// <summary>For a confirm prompt with <see cref="Choices"/> as its yes and no labels: only those labels answer it, not "có" or "ok".</summary>
    public bool LabelsOnly { get; set; }

    /// <summary>Buttons shown after the choices, e.g. links (openUrl) the question is about.</summary>
    public List<CardAction>? Actions { get; set; }

    /// <summary>The same question in English, asked instead when the conversation is in English (it may switch while the prompt waits).</summary>
    public PromptOptions? En { get; set; }

    /// <summary>These options, or their English version when the conversation is in English and there is one.</summary>
    public PromptOptions For(TurnContext turn) => turn.IsEnglish && En is not null ? En : this;

    public JsonNode ToJson() => JsonSerializer.SerializeToNode(this, StateJson.Default.PromptOptions)!;

    public static PromptOptions FromJson(JsonNode? node) =>
        node is null ? new PromptOptions() : node.Deserialize(StateJson.Default.PromptOptions) ?? new PromptOptions();
}
