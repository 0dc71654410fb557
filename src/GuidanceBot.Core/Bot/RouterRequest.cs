using System.Text.Json;
using System.Text.Json.Nodes;

namespace GuidanceBot.Bot;

/// <summary>
/// What a dialog that ends asks the router to do next: start a flow (named, with questions to answer first), switch to
/// one, read the message again as free text, or nothing (the dialog already said what follows).
/// </summary>
public sealed record RouterRequest(string? Start = null, string? SwitchTo = null, bool Reroute = false, IReadOnlyList<string>? Questions = null)
{
    public JsonNode ToJson() => JsonSerializer.SerializeToNode(this, BotStateJson.Default.RouterRequest)!;

    /// <summary>The request a dialog's result carries, or null for a plain result (a flow's outcome).</summary>
    public static RouterRequest? From(JsonNode? result)
    {
        if (result is not JsonObject)
        {
            return null;
        }
        try
        {
            return result.Deserialize(BotStateJson.Default.RouterRequest);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
