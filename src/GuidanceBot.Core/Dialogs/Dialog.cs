using System.Text.Json.Nodes;

namespace GuidanceBot.Dialogs;

/// <summary>A unit of conversation on the dialog stack, with Bot Framework's begin / continue / resume / end life cycle.</summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken);

    /// <summary>The user answered while this dialog was on top.</summary>
    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(null, cancellationToken);

    /// <summary>A child this dialog started has ended.</summary>
    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dc, DialogReason reason, JsonNode? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Ask again what this dialog is waiting for (after help or an interruption).</summary>
    public virtual Task RepromptAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>This dialog is leaving the stack.</summary>
    public virtual Task EndAsync(DialogContext dc, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
