using System.Security.Cryptography;
using GuidanceBot.Activities;
using GuidanceBot.Analytics;
using GuidanceBot.Diagnostics;
using GuidanceBot.Language;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.Engine;

/// <summary>
/// Runs one turn at a time per conversation: lock, load state with its ETag, run the bot,
/// save state and events together. A lost ETag race re-runs the turn on fresh state.
/// </summary>
/// <remarks>The text analyser redacts citizen text on events before they are saved; without one, the local redactor does.</remarks>
public sealed class TurnEngine(IConversationStore store, IBot bot, TimeProvider time, ILogger<TurnEngine> logger, ITextAnalyzer? analyzer = null,
    GuidanceBotMetrics? metrics = null)
{
    /// <summary>The event property that holds text a citizen typed (redacted).</summary>
    public const string TextProperty = "text";

    private const int MaxAttempts = 8;
    private readonly KeyedLock _locks = new();
    private readonly ITextAnalyzer _analyzer = analyzer ?? LocalTextAnalyzer.Instance;

    public Task<IReadOnlyList<Activity>> ProcessAsync(Activity activity, CancellationToken cancellationToken) =>
        ProcessAsync(activity, null, cancellationToken);

    /// <param name="handOff">
    /// Runs once the turn's state and events are saved, while this instance still holds the conversation's lock: replies
    /// queued there (a channel's outbox) are queued in the order of the conversation's turns.
    /// </param>
    public async Task<IReadOnlyList<Activity>> ProcessAsync(Activity activity, Func<IReadOnlyList<Activity>, CancellationToken, Task>? handOff,
        CancellationToken cancellationToken)
    {
        var key = ConversationKey.Of(activity);
        var arrivedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        using var span = GuidanceBotTracing.Source.StartActivity("turn");
        span?.SetTag("guidancebot.channel", GuidanceBotMetrics.Label(activity.ChannelId));
        IReadOnlyList<AnalyticsEvent> saved = [];
        using var _ = await _locks.AcquireAsync(key, cancellationToken);
        // Another instance may save this conversation after we loaded it: then the turn runs again on its state.
        var outcome = await store.UpdateAsync(key, MaxAttempts, async (stored, ct) =>
        {
            var state = stored ?? new ConversationState { AnalyticsId = NewAnalyticsId() };
            var now = time.GetUtcNow();
            var turn = new TurnContext(activity, state, now);
            if (stored is null)
            {
                turn.Record(EventKinds.ConversationStarted);
            }
            await bot.OnTurnAsync(turn, ct);
            state.TurnCount++;
            state.LastActivityAt = now;
            saved = await RedactTextsAsync(turn.Events, ct);
            return StateChange<IReadOnlyList<Activity>>.Save(state, saved, Stamp(turn.Replies, activity, now));
        }, logger, cancellationToken);
        if (!outcome.Settled)
        {
            throw new InvalidOperationException($"The conversation's state kept changing under this turn ({MaxAttempts} attempts).");
        }
        // The last attempt is the one whose state and events were saved.
        metrics?.TurnCompleted(activity.ChannelId ?? "unknown", arrivedAt);
        metrics?.EventsSaved(saved);
        if (handOff is not null)
        {
            await handOff(outcome.Result, cancellationToken);
        }
        return outcome.Result;
    }

    /// <summary>
    /// Events that carry a citizen's text (e.g. not-understood) get it redacted once more, by the configured analyser,
    /// on top of the local redaction the dialogs already did: the one place every such event passes before it is stored.
    /// </summary>
    private async Task<IReadOnlyList<AnalyticsEvent>> RedactTextsAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken)
    {
        if (!events.Any(e => e.Property(TextProperty) is not null))
        {
            return events;
        }
        var result = new List<AnalyticsEvent>(events.Count);
        foreach (var e in events)
        {
            if (e.Property(TextProperty) is { } text)
            {
                var properties = new Dictionary<string, string>(e.Properties!, StringComparer.Ordinal)
                {
                    [TextProperty] = await _analyzer.RedactAsync(text, e.Language ?? "vi", cancellationToken),
                };
                result.Add(e with { Properties = properties });
            }
            else
            {
                result.Add(e);
            }
        }
        return result;
    }

    private static IReadOnlyList<Activity> Stamp(IReadOnlyList<Activity> replies, Activity incoming, DateTimeOffset now)
    {
        foreach (var reply in replies)
        {
            reply.Id ??= Guid.NewGuid().ToString("N");
            reply.Timestamp = now;
            reply.ReplyToId ??= incoming.Id;
        }
        return replies;
    }

    private static string NewAnalyticsId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
