using System.Text.Json;
using System.Text.Json.Nodes;

namespace GuidanceBot.Bot;

/// <summary>How a flow run begins: which flow, whether a call step runs it, and what to say first.</summary>
/// <param name="Announce">Name the flow and how to leave it in the first reply (it was understood from free text).</param>
/// <param name="Greeted">The message that started it also greeted: greet back in the announcement.</param>
/// <param name="Questions">Fact questions the citizen asked before choosing the flow, answered before its first step.</param>
public sealed record FlowStart(string Flow, bool Called = false, bool Announce = false, bool Greeted = false, IReadOnlyList<string>? Questions = null)
{
    public JsonNode ToJson() => JsonSerializer.SerializeToNode(this, BotStateJson.Default.FlowStart)!;

    public static FlowStart From(JsonNode? options) =>
        options?.Deserialize(BotStateJson.Default.FlowStart) ?? throw new ArgumentException("A flow run needs its FlowStart options.", nameof(options));
}
