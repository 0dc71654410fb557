using GuidanceBot.Activities;
using GuidanceBot.Dialogs;
using GuidanceBot.Engine;

namespace GuidanceBot.Bot;

/// <summary>
/// Runs the root dialog on the conversation's stack: greets when a user joins, continues or begins the root on each
/// message, then writes the turn's flow runs back into the stack. A stack saved in an older format is dropped with a
/// polite word, and the conversation starts afresh.
/// </summary>
public sealed class DialogBot(RootDialog root) : IBot
{
    /// <summary>
    /// The format of the dialog stack this bot writes. 1: flow runs as a typed <see cref="FlowRun"/> with prompts for side
    /// questions (before it, untyped state with a "mode" string, which this bot cannot continue).
    /// </summary>
    public const int StackFormat = 1;

    private readonly DialogSet _dialogs = new DialogSet().Add(root);

    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (turn.State.StackFormat != StackFormat)
        {
            if (turn.State.DialogStack.Count > 0 && activity.Type == ActivityTypes.Message)
            {
                turn.Send(turn.Text("UpgradedStartAgain"));
            }
            turn.State.DialogStack.Clear();
            turn.State.StackFormat = StackFormat;
        }
        var dc = new DialogContext(_dialogs, turn, turn.State.DialogStack);
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate when IsUserJoining(activity):
            case ActivityTypes.Message:
                if ((await dc.ContinueDialogAsync(cancellationToken)).Status == DialogTurnStatus.Empty)
                {
                    await dc.BeginDialogAsync(root.Id, null, cancellationToken);
                }
                break;
        }
        FlowRun.SaveTurn(turn);
    }

    private static bool IsUserJoining(Activity activity) =>
        activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true;
}
