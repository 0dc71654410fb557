using System.Text.Json.Nodes;
using GuidanceBot.Analytics;
using GuidanceBot.Engine;

namespace GuidanceBot.Dialogs;

/// <summary>A dialog stack in the middle of a turn: begin, continue, end, cancel and replace dialogs on it.</summary>
public sealed class DialogContext(DialogSet dialogs, TurnContext turn, List<DialogInstance> stack, DialogContext? parent = null)
{
    public DialogSet Dialogs { get; } = dialogs;
    public TurnContext Turn { get; } = turn;
    public List<DialogInstance> Stack { get; } = stack;
    public DialogContext? Parent { get; } = parent;

    /// <summary>The dialog on top of the stack (the last element).</summary>
    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[^1] : null;

    /// <summary>Finds a dialog here or in an enclosing component.</summary>
    public Dialog? FindDialog(string id) => Dialogs.Find(id) ?? Parent?.FindDialog(id);

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, JsonNode? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = FindDialog(dialogId) ?? throw new InvalidOperationException($"No dialog with id '{dialogId}' can be begun here.");
        Stack.Add(new DialogInstance { Id = dialogId });
        Turn.Record(EventKinds.DialogStarted, properties: new Dictionary<string, string> { ["dialog"] = dialogId });
        return await dialog.BeginAsync(this, options, cancellationToken);
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default) =>
        BeginDialogAsync(dialogId, options.ToJson(), cancellationToken);

    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        var active = ActiveDialog;
        if (active is null)
        {
            return DialogTurnResult.Empty;
        }
        var dialog = FindDialog(active.Id) ?? throw new InvalidOperationException($"The stack holds dialog '{active.Id}', which no longer exists.");
        return await dialog.ContinueAsync(this, cancellationToken);
    }

    /// <summary>Ends the active dialog and resumes its parent with the result.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(JsonNode? result = null, CancellationToken cancellationToken = default) =>
        await EndDialogAsync(result, DialogReason.EndCalled, cancellationToken);

    /// <summary>Ends the active dialog for a given reason (e.g. a prompt's retry limit) and resumes its parent.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(JsonNode? result, DialogReason reason, CancellationToken cancellationToken)
    {
        await PopAsync(reason, cancellationToken);
        var parent = ActiveDialog;
        if (parent is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }
        var dialog = FindDialog(parent.Id) ?? throw new InvalidOperationException($"The stack holds dialog '{parent.Id}', which no longer exists.");
        return await dialog.ResumeAsync(this, reason, result, cancellationToken);
    }

    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0)
        {
            return DialogTurnResult.Empty;
        }
        while (Stack.Count > 0)
        {
            await PopAsync(DialogReason.CancelCalled, cancellationToken);
        }
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Ends the active dialog without resuming its parent, then begins another in its place.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, JsonNode? options = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        var active = ActiveDialog;
        if (active is not null && FindDialog(active.Id) is { } dialog)
        {
            await dialog.RepromptAsync(this, active, cancellationToken);
        }
    }

    private async Task PopAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        var instance = ActiveDialog;
        if (instance is null)
        {
            return;
        }
        if (FindDialog(instance.Id) is { } dialog)
        {
            await dialog.EndAsync(this, instance, reason, cancellationToken);
        }
        Stack.RemoveAt(Stack.Count - 1);
        Turn.Record(EventKinds.DialogEnded, properties: new Dictionary<string, string>
        {
            ["dialog"] = instance.Id,
            ["reason"] = ReasonName(reason),
        });
    }

    public static string ReasonName(DialogReason reason) => reason switch
    {
        DialogReason.EndCalled => "ended",
        DialogReason.CancelCalled => "cancelled",
        DialogReason.ReplaceCalled => "replaced",
        DialogReason.RetryLimit => "retry-limit",
        DialogReason.PassedOn => "passed-on",
        _ => reason.ToString(),
    };
}
