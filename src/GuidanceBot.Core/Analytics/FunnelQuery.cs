using GuidanceBot.Content;

namespace GuidanceBot.Analytics;

/// <summary>
/// Funnels, the summary across flows and the periodic report, from the store's roll-ups and the current content
/// (which gives the step order: the flow's main path, then its branches, then steps only older versions had).
/// With a commune in the filter (which the caller checks is shown: <see cref="CommuneQuery.ShowsAsync"/>), a report leaves
/// out flows under the small-number rule, and the lists read from events (not-understood texts, link clicks, "helpful"),
/// which carry no commune.
/// </summary>
public sealed class FunnelQuery(IAnalyticsReader reader, Func<FlowCatalog> catalog, int minRunsPerCommune = 5)
{
    /// <summary>True when the flow is in the content or has analytics (a flow since removed can still be reported).</summary>
    public async Task<bool> KnowsFlowAsync(string flowId, CancellationToken cancellationToken) =>
        catalog().Find(flowId) is not null || (await reader.VersionsAsync(flowId, cancellationToken)).Count > 0;

    public async Task<Funnel> FunnelAsync(string flowId, AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        await reader.RefreshAsync(cancellationToken);
        return await BuildAsync(flowId, filter, cancellationToken);
    }

    /// <summary>The funnel over <paramref name="filter"/>'s version with the same funnel over <paramref name="otherVersion"/> beside it.</summary>
    public async Task<Funnel> CompareAsync(string flowId, AnalyticsFilter filter, string otherVersion, CancellationToken cancellationToken)
    {
        await reader.RefreshAsync(cancellationToken);
        var left = await BuildAsync(flowId, filter, cancellationToken);
        var right = await BuildAsync(flowId, filter with { Version = otherVersion }, cancellationToken);
        return left with { Compare = right };
    }

    private async Task<Funnel> BuildAsync(string flowId, AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        var flow = catalog().Find(flowId);
        var runs = (await reader.RunTotalsAsync(flowId, filter, cancellationToken)).SingleOrDefault();
        var steps = (await reader.StepTotalsAsync(flowId, filter, cancellationToken)).ToDictionary(s => s.StepId, StringComparer.Ordinal);
        var seconds = (await reader.StepSecondsAsync(flowId, filter, cancellationToken))
            .GroupBy(b => b.StepId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(int, long)>)g.Select(b => (b.Bucket, b.Runs)).ToList(), StringComparer.Ordinal);
        var outcomes = (await reader.OutcomesAsync(flowId, filter, cancellationToken)).ToDictionary(o => o.Key, o => o.Count, StringComparer.Ordinal);

        var mainPath = flow?.MainPath ?? [];
        var order = mainPath
            .Concat(flow?.Steps.Select(s => s.Id) ?? [])
            .Concat(steps.Keys.Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal);
        var started = runs?.Started ?? 0;
        var completed = runs?.Completed ?? 0;
        var list = order.Select(id =>
        {
            var s = steps.GetValueOrDefault(id);
            var bars = seconds.GetValueOrDefault(id) ?? [];
            return new FunnelStep(
                id,
                KindOf(flow?.FindStep(id)),
                LabelOf(flow?.FindStep(id)),
                mainPath.Contains(id),
                s?.Entered ?? 0,
                s?.MovedOn ?? 0,
                new FunnelEnded(s?.EndedCompleted ?? 0, s?.EndedAbandoned ?? 0, s?.EndedCancelled ?? 0, s?.EndedHandedOff ?? 0, s?.EndedReplaced ?? 0),
                s?.InProgress ?? 0,
                s?.ResumedAfterAbandoned ?? 0,
                StepSeconds.Percentile(bars, 0.5),
                StepSeconds.Percentile(bars, 0.9));
        }).ToList();
        return new Funnel(flowId, flow?.Title.Vi ?? flowId, filter, ToRuns(runs), Ratio(completed, started), outcomes, list);
    }

    /// <summary>Runs, conversion, link clicks and "helpful" share per flow; the steps losing the most citizens; not-understood texts.</summary>
    public async Task<AnalyticsReport> ReportAsync(AnalyticsFilter filter, CancellationToken cancellationToken, int worstSteps = 10, int texts = 20)
    {
        await reader.RefreshAsync(cancellationToken);
        var runs = (await reader.RunTotalsAsync(null, filter, cancellationToken)).ToDictionary(r => r.FlowId, StringComparer.Ordinal);
        var steps = await reader.StepTotalsAsync(null, filter, cancellationToken);
        var byCommune = filter.Commune is not null;
        var links = byCommune ? [] : await reader.LinkClicksAsync(filter, cancellationToken);
        var helpful = (byCommune ? [] : await reader.HelpfulAsync(filter, cancellationToken)).ToDictionary(h => h.FlowId, StringComparer.Ordinal);
        var notUnderstood = byCommune ? [] : await reader.NotUnderstoodAsync(null, filter, texts, cancellationToken);

        var flowIds = catalog().Flows.Select(f => f.Id).Concat(runs.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (byCommune)
        {
            // One commune's flows are groups too: a flow with few runs there (or one that would give it away) is left out.
            var hidden = SmallNumbers.Hidden(flowIds.Select(id => runs.GetValueOrDefault(id)?.Started ?? 0).ToList(), 0, minRunsPerCommune);
            flowIds = flowIds.Where((_, i) => !hidden.Contains(i)).ToList();
            steps = steps.Where(s => flowIds.Contains(s.FlowId)).ToList();
        }
        var flows = flowIds.Select(id =>
        {
            var r = runs.GetValueOrDefault(id);
            var h = helpful.GetValueOrDefault(id);
            return new FlowSummary(id, catalog().Find(id)?.Title.Vi ?? id, ToRuns(r), Ratio(r?.Completed ?? 0, r?.Started ?? 0),
                links.Where(l => l.FlowId == id).Sum(l => l.Count), h?.Answered ?? 0, h?.Yes ?? 0, Ratio(h?.Yes ?? 0, h?.Answered ?? 0));
        }).ToList();
        var worst = steps
            .Select(s => new LosingStep(s.FlowId, s.StepId, s.Entered, s.EndedAbandoned + s.EndedCancelled + s.EndedHandedOff,
                s.EndedAbandoned, s.EndedCancelled, s.EndedHandedOff, Ratio(s.EndedAbandoned + s.EndedCancelled + s.EndedHandedOff, s.Entered)))
            .Where(s => s.Lost > 0)
            .OrderByDescending(s => s.Lost).ThenBy(s => s.Flow, StringComparer.Ordinal).ThenBy(s => s.Step, StringComparer.Ordinal)
            .Take(worstSteps)
            .ToList();
        var all = runs.Values.ToList();
        var totals = new FunnelRuns(
            all.Sum(f => f.Started), all.Sum(f => f.Completed), all.Sum(f => f.Abandoned), all.Sum(f => f.Cancelled),
            all.Sum(f => f.HandedOff), all.Sum(f => f.Replaced), all.Sum(f => f.InProgress), all.Sum(f => f.ResumedAfterAbandoned));
        return new AnalyticsReport(filter, totals, Ratio(totals.Completed, totals.Started), flows, worst,
            notUnderstood.Select(t => new TextCount(t.Key, t.Count)).ToList(),
            links.Select(l => new LinkCount(l.FlowId ?? "", l.Key, l.Count)).ToList());
    }

    /// <summary>Not-understood texts with the flows the bot offered, for the dashboard's list (refreshes nothing: texts come from events).</summary>
    public Task<IReadOnlyList<NotUnderstoodText>> NotUnderstoodOffersAsync(AnalyticsFilter filter, int limit, CancellationToken cancellationToken) =>
        reader.NotUnderstoodOffersAsync(filter, limit, cancellationToken);

    public async Task<IReadOnlyList<TextCount>> NotUnderstoodAsync(string? flowId, AnalyticsFilter filter, int limit, CancellationToken cancellationToken) =>
        (await reader.NotUnderstoodAsync(flowId, filter, limit, cancellationToken)).Select(t => new TextCount(t.Key, t.Count)).ToList();

    private static FunnelRuns ToRuns(RunTotals? r) =>
        new(r?.Started ?? 0, r?.Completed ?? 0, r?.Abandoned ?? 0, r?.Cancelled ?? 0, r?.HandedOff ?? 0, r?.Replaced ?? 0, r?.InProgress ?? 0, r?.ResumedAfterAbandoned ?? 0);

    private static double? Ratio(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    /// <summary>The step's first line as staff see it in the bot (Vietnamese), to read a funnel without the flow file open.</summary>
    public static string? LabelOf(StepDefinition? step)
    {
        var text = step switch
        {
            AskStep ask => ask.Question.Vi,
            InformStep inform => inform.Text.Vi,
            DoStep @do => @do.Instruction.Vi,
            CallStep call => "→ " + call.FlowId,
            EndStep end => "= " + end.Outcome,
            _ => null,
        };
        var line = text?.Split('\n')[0];
        return line is { Length: > 100 } ? line[..99] + "…" : line;
    }

    private static string KindOf(StepDefinition? step) => step switch
    {
        AskStep => "ask",
        InformStep => "inform",
        DoStep => "do",
        CallStep => "call",
        EndStep => "end",
        _ => "removed",
    };
}
