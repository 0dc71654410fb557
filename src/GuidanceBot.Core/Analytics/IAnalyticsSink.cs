namespace GuidanceBot.Analytics;

/// <summary>Where analytics events are appended outside a turn (link clicks, the abandonment sweep) and read back.</summary>
public interface IAnalyticsSink
{
    Task AppendAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken);

    /// <summary>Events in the order they were written, optionally for one analytics conversation id.</summary>
    Task<IReadOnlyList<AnalyticsEvent>> ReadAsync(string? conversationId, CancellationToken cancellationToken);
}
