using GuidanceBot.Activities;
using GuidanceBot.Dialogs;
using GuidanceBot.Engine;

namespace GuidanceBot.Bot;

/// <summary>Runs the root dialog on the conversation's stack: greets when a user joins, continues or begins the root on each message.</summary>
public sealed class DialogBot(RootDialog root) : IBot
{
    private readonly DialogSet _dialogs = new DialogSet().Add(root);

    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var dc = new DialogContext(_dialogs, turn, turn.State.DialogStack);
        var activity = turn.Activity;
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
    }

    private static bool IsUserJoining(Activity activity) =>
        activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true;
}
