using System.Globalization;
using GuidanceBot.Bot;
using GuidanceBot.Dialogs;
using GuidanceBot.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Analytics;

/// <summary>
/// Records flow-abandoned for every open run of a conversation idle longer than <see cref="AnalyticsOptions.AbandonAfter"/>.
/// The mark on the run's stack entry and the events are saved together under the state's ETag, so two sweepers
/// (or a sweeper and a turn) racing on one conversation write the events once: the loser reloads and finds the mark.
/// </summary>
public sealed class AbandonmentSweeper(
    IConversationStore store, IIdleConversations idle, TimeProvider time, IOptions<AnalyticsOptions> options, ILogger<AbandonmentSweeper> logger,
    Diagnostics.GuidanceBotMetrics? metrics = null)
{
    private const int BatchSize = 500;
    private const int MaxAttempts = 5;

    /// <summary>Sweeps every idle conversation once; returns how many runs it recorded as abandoned.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var idleSince = now - options.Value.AbandonAfter;
        var abandoned = 0;
        while (true)
        {
            var keys = await idle.FindIdleAsync(idleSince, BatchSize, cancellationToken);
            foreach (var key in keys)
            {
                abandoned += await SweepConversationAsync(key, idleSince, now, cancellationToken);
            }
            if (keys.Count < BatchSize)
            {
                return abandoned;
            }
        }
    }

    private async Task<int> SweepConversationAsync(ConversationKey key, DateTimeOffset idleSince, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<AnalyticsEvent> saved = [];
        var outcome = await store.UpdateAsync(key, MaxAttempts, (state, _) =>
        {
            saved = [];
            if (state?.LastActivityAt is not { } last || last >= idleSince || state.AbandonSweptAt == last)
            {
                return ValueTask.FromResult(StateChange<int>.Keep(0)); // gone, a turn came in, or another sweeper got here first
            }
            var events = new List<AnalyticsEvent>();
            foreach (var (instance, run) in OpenRuns(state.DialogStack).Where(r => !r.Run.Abandoned))
            {
                var properties = new Dictionary<string, string>
                {
                    ["idleSeconds"] = ((long)(now - last).TotalSeconds).ToString(CultureInfo.InvariantCulture),
                };
                if (state.LastShown is { } shown)
                {
                    properties["lastMessageFlow"] = shown.Flow;
                    properties["lastMessageStep"] = shown.Step;
                }
                events.Add(RunEvent(key, state, run, EventKinds.FlowAbandoned, now, properties));
                run.Abandoned = true;
                run.Write(instance);
            }
            // Saved even with nothing to record, so the conversation leaves the sweep's index until its next turn.
            state.AbandonSweptAt = last;
            saved = events;
            return ValueTask.FromResult(StateChange<int>.Save(state, events, events.Count));
        }, logger, cancellationToken);
        if (!outcome.Settled)
        {
            logger.LogWarning("Conversation kept changing during the abandonment sweep; it is retried on the next sweep");
        }
        else
        {
            metrics?.EventsSaved(saved);
        }
        return outcome.Result;
    }

    /// <summary>
    /// An event about a run recorded outside a turn (a sweep, a reminder): at the run's position, in the conversation's
    /// language, on the conversation's channel.
    /// </summary>
    public static AnalyticsEvent RunEvent(ConversationKey conversation, ConversationState state, FlowRun run, string kind, DateTimeOffset now,
        IReadOnlyDictionary<string, string>? properties = null)
    {
        return new AnalyticsEvent(state.AnalyticsId, conversation.Channel, kind, now)
        {
            RunId = run.Run,
            FlowId = run.Flow,
            ContentVersion = run.Version,
            StepId = run.Step,
            Language = state.Language,
            Properties = properties,
        };
    }

    /// <summary>Flow runs still open anywhere on a stored stack, outermost first (a called flow's caller is open too).</summary>
    public static IEnumerable<(DialogInstance Instance, FlowRun Run)> OpenRuns(IEnumerable<DialogInstance> stack) => FlowRun.Open(stack, FlowRun.Read);
}
