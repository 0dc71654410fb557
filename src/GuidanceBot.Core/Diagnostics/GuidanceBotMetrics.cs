using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using GuidanceBot.Analytics;

namespace GuidanceBot.Diagnostics;

/// <summary>
/// The bot's own metrics (meter <c>GuidanceBot</c>), recorded where the facts are: turns and their latency by the turn
/// engine, flow outcomes from the analytics events a turn or a sweep saved, send errors by the channel that sent,
/// queue depths by whoever samples the queue. Labels are bounded and never personal: a channel, a flow id from
/// dialogs/, an outcome, an error code, a queue name — never a conversation or user id, never text.
/// </summary>
public sealed class GuidanceBotMetrics : IDisposable
{
    public const string MeterName = "GuidanceBot";

    private readonly Meter _meter;
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _turnsRefused;
    private readonly Counter<long> _flowsStarted;
    private readonly Counter<long> _flowsCompleted;
    private readonly Counter<long> _flowsCancelled;
    private readonly Counter<long> _flowsAbandoned;
    private readonly Counter<long> _notUnderstood;
    private readonly Counter<long> _sendErrors;
    private readonly ConcurrentDictionary<string, long> _queueDepths = new(StringComparer.Ordinal);

    /// <param name="meters">The host's meter factory; without one (CLI, tests of the engine alone) the meter stands alone.</param>
    public GuidanceBotMetrics(IMeterFactory? meters = null)
    {
        _meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _turns = _meter.CreateCounter<long>("guidancebot.turns", "{turn}", "Turns the engine completed (state and events saved), by channel.");
        _turnDuration = _meter.CreateHistogram<double>("guidancebot.turn.duration", "s",
            "Time from a turn's arrival at the engine (including waiting for the conversation's lock) to its saved state, by channel.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _turnsRefused = _meter.CreateCounter<long>("guidancebot.turns.refused", "{turn}", "Turns refused before they started (e.g. the host is shutting down), by reason.");
        _flowsStarted = _meter.CreateCounter<long>("guidancebot.flows.started", "{flow}", "Procedure flows started, by channel and flow.");
        _flowsCompleted = _meter.CreateCounter<long>("guidancebot.flows.completed", "{flow}", "Procedure flows that reached an end step, by channel, flow and outcome.");
        _flowsCancelled = _meter.CreateCounter<long>("guidancebot.flows.cancelled", "{flow}", "Procedure flows the citizen cancelled, by channel and flow.");
        _flowsAbandoned = _meter.CreateCounter<long>("guidancebot.flows.abandoned", "{flow}", "Procedure flows the sweeper recorded as abandoned, by channel and flow.");
        _notUnderstood = _meter.CreateCounter<long>("guidancebot.not_understood", "{message}", "Messages the bot did not understand, by channel.");
        _sendErrors = _meter.CreateCounter<long>("guidancebot.send.errors", "{error}", "Failed attempts to deliver a reply to a channel, by channel and error code.");
        _meter.CreateObservableGauge("guidancebot.queue.depth", ObserveQueueDepths, "{item}", "Items waiting in a durable queue (e.g. zalo-inbox, zalo-outbox), as last sampled.");
    }

    /// <summary>A turn whose state and events were saved, <paramref name="startedAt"/> being <see cref="Stopwatch.GetTimestamp"/> at its arrival.</summary>
    public void TurnCompleted(string channel, long startedAt)
    {
        var tag = new KeyValuePair<string, object?>("channel", Label(channel));
        _turns.Add(1, tag);
        _turnDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, tag);
    }

    public void TurnRefused(string reason) => _turnsRefused.Add(1, new KeyValuePair<string, object?>("reason", Label(reason)));

    /// <summary>Counts the flow outcomes among events just saved (by a turn, a sweep or a reminder).</summary>
    public void EventsSaved(IEnumerable<AnalyticsEvent> events)
    {
        foreach (var e in events)
        {
            var channel = new KeyValuePair<string, object?>("channel", Label(e.Channel));
            var flow = new KeyValuePair<string, object?>("flow", Label(e.FlowId));
            switch (e.Kind)
            {
                case EventKinds.FlowStarted:
                    _flowsStarted.Add(1, channel, flow);
                    break;
                case EventKinds.FlowCompleted:
                    _flowsCompleted.Add(1, channel, flow, new KeyValuePair<string, object?>("outcome", Label(e.Property("outcome"))));
                    break;
                case EventKinds.FlowCancelled:
                    _flowsCancelled.Add(1, channel, flow);
                    break;
                case EventKinds.FlowAbandoned:
                    _flowsAbandoned.Add(1, channel, flow);
                    break;
                case EventKinds.NotUnderstood:
                    _notUnderstood.Add(1, channel);
                    break;
            }
        }
    }

    /// <summary>A delivery attempt that failed; <paramref name="code"/> is the channel's error code or a short reason, never message text.</summary>
    public void SendFailed(string channel, string code) =>
        _sendErrors.Add(1, new KeyValuePair<string, object?>("channel", Label(channel)), new KeyValuePair<string, object?>("code", Label(code)));

    /// <summary>The latest count of items waiting in <paramref name="queue"/>; exported as <c>guidancebot.queue.depth</c>.</summary>
    public void QueueDepth(string queue, long depth) => _queueDepths[Label(queue)] = depth;

    private IEnumerable<Measurement<long>> ObserveQueueDepths() =>
        _queueDepths.Select(q => new Measurement<long>(q.Value, new KeyValuePair<string, object?>("queue", q.Key)));

    /// <summary>
    /// Label values come from our own code or content (channel ids, flow ids, outcomes, codes); anything that does not
    /// look like one (too long, odd characters — e.g. a channel id a caller made up) becomes "other", so a label can
    /// neither carry personal data nor grow without bound.
    /// </summary>
    public static string Label(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "none";
        }
        if (value.Length > 48)
        {
            return "other";
        }
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            {
                return "other";
            }
        }
        return value;
    }

    public void Dispose() => _meter.Dispose();
}
