using System.Text.Json.Nodes;

namespace GuidanceBot.Dialogs;

/// <summary>
/// A dialog made of other dialogs, with its own inner stack persisted inside its stack entry.
/// Begins <see cref="InitialDialogId"/>; ends with that dialog's result.
/// </summary>
public class ComponentDialog(string id) : Dialog(id)
{
    private readonly DialogSet _dialogs = new();

    public string? InitialDialogId { get; protected set; }

    protected ComponentDialog AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        var inner = InnerContext(dc, dc.ActiveDialog!);
        var turn = await OnBeginDialogAsync(inner, options, cancellationToken);
        return await AfterInnerAsync(dc, turn, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var inner = InnerContext(dc, dc.ActiveDialog!);
        var turn = await OnContinueDialogAsync(inner, cancellationToken);
        return await AfterInnerAsync(dc, turn, cancellationToken);
    }

    /// <summary>A dialog this component started on the outer stack ended: ask again what the inner stack waits for.</summary>
    public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, DialogReason reason, JsonNode? result, CancellationToken cancellationToken)
    {
        await RepromptAsync(dc, dc.ActiveDialog!, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken) =>
        InnerContext(dc, instance).RepromptDialogAsync(cancellationToken);

    public override async Task EndAsync(DialogContext dc, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        if (reason is DialogReason.CancelCalled or DialogReason.ReplaceCalled)
        {
            await InnerContext(dc, instance).CancelAllDialogsAsync(cancellationToken);
        }
    }

    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext inner, JsonNode? options, CancellationToken cancellationToken) =>
        inner.BeginDialogAsync(InitialDialogId ?? throw new InvalidOperationException($"Component '{Id}' has no dialogs."), options, cancellationToken);

    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext inner, CancellationToken cancellationToken) =>
        inner.ContinueDialogAsync(cancellationToken);

    /// <summary>The inner stack finished: end this component with the inner result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outer, JsonNode? result, CancellationToken cancellationToken) =>
        outer.EndDialogAsync(result, cancellationToken);

    protected DialogContext InnerContext(DialogContext outer, DialogInstance instance) =>
        new(_dialogs, outer.Turn, instance.Dialogs ??= [], outer);

    private async Task<DialogTurnResult> AfterInnerAsync(DialogContext outer, DialogTurnResult turn, CancellationToken cancellationToken) =>
        turn.Status switch
        {
            DialogTurnStatus.Complete => await EndComponentAsync(outer, turn.Result, cancellationToken),
            _ => DialogTurnResult.Waiting,
        };
}
