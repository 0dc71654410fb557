using System.Text.Json.Nodes;

namespace GuidanceBot.Dialogs;

/// <summary>One entry of a dialog stack: which dialog, and its persisted state.</summary>
public sealed class DialogInstance
{
    public string Id { get; set; } = "";

    public JsonObject State { get; set; } = new();

    /// <summary>The inner stack of a component dialog (Bot Framework keeps it under the state key "dialogs").</summary>
    public List<DialogInstance>? Dialogs { get; set; }
}
