using System.Text.Json.Nodes;
using GuidanceBot.Engine;

namespace GuidanceBot.Dialogs;

/// <summary>What a waterfall step sees: the previous step's result, the shared values, and the stack.</summary>
public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog _dialog;
    private readonly DialogInstance _instance;

    internal WaterfallStepContext(WaterfallDialog dialog, DialogContext dc, DialogInstance instance, int index, string name, DialogReason reason, JsonNode? result)
    {
        _dialog = dialog;
        _instance = instance;
        Dc = dc;
        Index = index;
        Name = name;
        Reason = reason;
        Result = result;
    }

    public DialogContext Dc { get; }
    public TurnContext Turn => Dc.Turn;
    public int Index { get; }
    public string Name { get; }

    /// <summary>Why this step runs: after a child ended normally (EndCalled), hit its retry limit (RetryLimit), or on begin/next.</summary>
    public DialogReason Reason { get; }

    /// <summary>The result of the previous step's child dialog or prompt.</summary>
    public JsonNode? Result { get; }

    public JsonNode? Options => _instance.State["options"];

    /// <summary>Values shared by all steps of this waterfall run; persisted with the stack.</summary>
    public JsonObject Values => (JsonObject)_instance.State["values"]!;

    /// <summary>Skips to the next step without waiting for the user.</summary>
    public Task<DialogTurnResult> NextAsync(JsonNode? result = null, CancellationToken cancellationToken = default) =>
        _dialog.RunStepAsync(Dc, Index + 1, DialogReason.NextCalled, result, cancellationToken);

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default) =>
        Dc.PromptAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, JsonNode? options = null, CancellationToken cancellationToken = default) =>
        Dc.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> EndDialogAsync(JsonNode? result = null, CancellationToken cancellationToken = default) =>
        Dc.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, JsonNode? options = null, CancellationToken cancellationToken = default) =>
        Dc.ReplaceDialogAsync(dialogId, options, cancellationToken);
}
