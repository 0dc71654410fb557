using System.Diagnostics;

namespace GuidanceBot.LoadGen;

/// <summary>
/// One concurrent user slot: plays scripted conversations back to back, one turn in flight at a time,
/// starting a new conversation id every <c>--turns-per-conversation</c> turns.
/// </summary>
public sealed class ConversationWorker(
    ConnectorClient client,
    ErrorLog errors,
    string runId,
    Func<int> nextConversationNumber,
    int turnsPerConversation)
{
    public async Task<WorkerTally> RunAsync(MeasurementWindow window, CancellationToken cancellationToken)
    {
        var tally = new WorkerTally();
        ScriptedConversation? conversation = null;
        ExpectRepliesResponse? previous = null;

        while (!cancellationToken.IsCancellationRequested)
        {
            if (conversation is null || conversation.IsFinished)
            {
                conversation = new ScriptedConversation(runId, nextConversationNumber(), turnsPerConversation);
                previous = null;
                tally.ConversationsStarted++;
            }

            var activity = conversation.NextTurn(previous);
            var started = Stopwatch.GetTimestamp();
            if (started >= window.End)
            {
                break;
            }

            TurnOutcome outcome;
            try
            {
                outcome = await client.SendAsync(activity, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            var finished = Stopwatch.GetTimestamp();

            if (window.Measures(started))
            {
                tally.MeasuredTurns++;
                tally.LastMeasuredCompletion = Math.Max(tally.LastMeasuredCompletion, finished);
                if (outcome.IsError) tally.MeasuredErrors++;
                else tally.LatencyTicks.Add(finished - started);
            }
            else
            {
                tally.WarmupTurns++;
                if (outcome.IsError) tally.WarmupErrors++;
            }

            if (outcome.IsError)
            {
                errors.Report(activity.Conversation.Id, warmup: !window.Measures(started), outcome.Error!);
            }
            previous = outcome.Replies;
        }

        return tally;
    }
}
