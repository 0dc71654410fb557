namespace GuidanceBot.Analytics;

/// <summary>Run totals of one flow (and, for comparisons, one content version) over a filter.</summary>
public sealed record RunTotals(string FlowId, long Started, long Completed, long Abandoned, long Cancelled, long HandedOff, long Replaced, long InProgress, long ResumedAfterAbandoned);

/// <summary>Run totals of one commune (its id; "" for runs whose citizen named none) over a filter, across flows or for one.</summary>
public sealed record CommuneTotals(string Commune, long Started, long Completed, long Abandoned, long Cancelled, long HandedOff, long Replaced, long InProgress,
    long ResumedAfterAbandoned);

/// <summary>Step totals of one flow over a filter.</summary>
public sealed record StepTotals(string FlowId, string StepId, long Entered, long MovedOn, long EndedCompleted, long EndedAbandoned, long EndedCancelled,
    long EndedHandedOff, long EndedReplaced, long InProgress, long ResumedAfterAbandoned);

/// <summary>One bar of a step's time histogram (see <see cref="StepSeconds"/>).</summary>
public sealed record StepSecondsBar(string FlowId, string StepId, int Bucket, long Runs);

/// <summary>A (flow, key) count: outcomes, link ids, redacted texts.</summary>
public sealed record KeyedCount(string? FlowId, string Key, long Count);

/// <summary>A redacted not-understood text with where it was written: the flows the bot offered instead (outside a flow) and the flows it was written in.</summary>
public sealed record NotUnderstoodText(string Text, long Count, IReadOnlyList<string> Offered, IReadOnlyList<string> InFlows)
{
    /// <summary>
    /// Merges counts per (text, flow it was written in, comma-separated flows offered) into texts, most frequent first:
    /// the stores group in one pass over the period's events and leave the few groups to this.
    /// </summary>
    public static IReadOnlyList<NotUnderstoodText> Merge(IEnumerable<(string Text, string? Flow, string Offered, long Count)> groups, int limit) =>
        groups
            .GroupBy(g => g.Text, StringComparer.Ordinal)
            .Select(t => new NotUnderstoodText(
                t.Key,
                t.Sum(g => g.Count),
                t.SelectMany(g => g.Offered.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(f => (Flow: f, g.Count)))
                    .GroupBy(o => o.Flow, StringComparer.Ordinal).OrderByDescending(o => o.Sum(x => x.Count)).ThenBy(o => o.Key, StringComparer.Ordinal)
                    .Select(o => o.Key).Take(3).ToList(),
                t.Where(g => g.Flow is not null).Select(g => g.Flow!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Text, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
}

/// <summary>Answers to the end-of-flow "was this helpful?" question for one flow.</summary>
public sealed record HelpfulTotals(string FlowId, long Answered, long Yes);

/// <summary>
/// The store's side of analytics: keeps the daily roll-ups current and sums them, and counts the events funnels
/// do not roll up. <see cref="FunnelQuery"/> turns these sums into funnels and reports.
/// </summary>
public interface IAnalyticsReader
{
    /// <summary>Folds the events written since the last call into the daily roll-ups; returns how many events that covered.</summary>
    Task<long> RefreshAsync(CancellationToken cancellationToken);

    /// <summary>Run totals per flow (one flow when <paramref name="flowId"/> is set).</summary>
    Task<IReadOnlyList<RunTotals>> RunTotalsAsync(string? flowId, AnalyticsFilter filter, CancellationToken cancellationToken);

    /// <summary>Run totals per commune, the runs without one under "" (one flow when <paramref name="flowId"/> is set).</summary>
    Task<IReadOnlyList<CommuneTotals>> CommuneTotalsAsync(string? flowId, AnalyticsFilter filter, CancellationToken cancellationToken);

    Task<IReadOnlyList<StepTotals>> StepTotalsAsync(string? flowId, AnalyticsFilter filter, CancellationToken cancellationToken);

    Task<IReadOnlyList<StepSecondsBar>> StepSecondsAsync(string flowId, AnalyticsFilter filter, CancellationToken cancellationToken);

    /// <summary>Completed runs per flow and outcome.</summary>
    Task<IReadOnlyList<KeyedCount>> OutcomesAsync(string? flowId, AnalyticsFilter filter, CancellationToken cancellationToken);

    /// <summary>Redacted not-understood texts, most frequent first (flow: null for the router).</summary>
    Task<IReadOnlyList<KeyedCount>> NotUnderstoodAsync(string? flowId, AnalyticsFilter filter, int limit, CancellationToken cancellationToken);

    /// <summary>Redacted not-understood texts, most frequent first, with the closest flows the bot offered (most offered first).</summary>
    Task<IReadOnlyList<NotUnderstoodText>> NotUnderstoodOffersAsync(AnalyticsFilter filter, int limit, CancellationToken cancellationToken);

    /// <summary>Portal link clicks per flow and link id.</summary>
    Task<IReadOnlyList<KeyedCount>> LinkClicksAsync(AnalyticsFilter filter, CancellationToken cancellationToken);

    Task<IReadOnlyList<HelpfulTotals>> HelpfulAsync(AnalyticsFilter filter, CancellationToken cancellationToken);

    /// <summary>Content versions seen for a flow, most recent first.</summary>
    Task<IReadOnlyList<string>> VersionsAsync(string flowId, CancellationToken cancellationToken);
}
