using System.Security.Cryptography;
using System.Text.Json;
using GuidanceBot.Activities;
using GuidanceBot.Analytics;
using GuidanceBot.Diagnostics;
using GuidanceBot.Language;
using GuidanceBot.Storage;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.Engine;

/// <summary>
/// Runs one turn at a time per conversation: lock, load state with its ETag, run the bot,
/// save state and events together. A lost ETag race re-runs the turn on fresh state.
/// </summary>
/// <remarks>The text analyser redacts citizen text on events before they are saved; without one, the local redactor does.</remarks>
public sealed class TurnEngine(IConversationStore store, IBot bot, TimeProvider time, ILogger<TurnEngine> logger, IServiceProvider? services = null, ITextAnalyzer? analyzer = null,
    GuidanceBotMetrics? metrics = null)
{
    /// <summary>The event property that holds text a citizen typed (redacted).</summary>
    public const string TextProperty = "text";

    private const int MaxAttempts = 8;
    private readonly KeyedLock _locks = new();
    private readonly ITextAnalyzer _analyzer = analyzer ?? LocalTextAnalyzer.Instance;

    public async Task<IReadOnlyList<Activity>> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrWhiteSpace(conversationId))
        {
            throw new ArgumentException("The activity has no conversation.id.", nameof(activity));
        }
        var key = $"{activity.ChannelId ?? "unknown"}/{conversationId}";
        var arrivedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        using var span = GuidanceBotTracing.Source.StartActivity("turn");
        span?.SetTag("guidancebot.channel", GuidanceBotMetrics.Label(activity.ChannelId));

        using var _ = await _locks.AcquireAsync(key, cancellationToken);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await store.LoadAsync(key, cancellationToken);
            var state = stored is null
                ? new ConversationState { AnalyticsId = NewAnalyticsId() }
                : JsonSerializer.Deserialize(stored.Json, StateJson.Default.ConversationState)!;
            var now = time.GetUtcNow();
            var turn = new TurnContext(activity, state, now, services);
            if (stored is null)
            {
                turn.Record(EventKinds.ConversationStarted);
            }

            await bot.OnTurnAsync(turn, cancellationToken);

            state.TurnCount++;
            state.LastActivityAt = now;
            var json = JsonSerializer.Serialize(state, StateJson.Default.ConversationState);
            var events = await RedactTextsAsync(turn.Events, cancellationToken);
            var etag = await store.SaveAsync(key, json, stored?.ETag, events, cancellationToken);
            if (etag is not null)
            {
                metrics?.TurnCompleted(turn.Channel, arrivedAt);
                metrics?.EventsSaved(events);
                return Stamp(turn.Replies, activity, now);
            }
            // Another instance saved this conversation after we loaded it: run the turn again on its state.
            logger.LogInformation("ETag conflict on turn {Attempt}; re-running on fresh state", attempt);
        }
        throw new InvalidOperationException($"The conversation's state kept changing under this turn ({MaxAttempts} attempts).");
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
