using GuidanceBot.Places;

namespace GuidanceBot.Analytics;

/// <summary>
/// Figures by commune (<c>GET /api/analytics/communes</c>, the dashboard's "Theo xã/phường" page) under the small-number
/// rule: every commune of the province is listed, and one under <see cref="MinRuns"/> runs — or one that would let a hidden
/// commune's runs be worked out by subtraction (<see cref="SmallNumbers"/>) — shows "&lt; N" in every count.
/// </summary>
public sealed class CommuneQuery(IAnalyticsReader reader, PlaceDirectory places, int minRuns)
{
    public int MinRuns => minRuns;

    public async Task<CommuneReport> CommunesAsync(string? flowId, AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        await reader.RefreshAsync(cancellationToken);
        return await FromRollupsAsync(flowId, filter, cancellationToken);
    }

    /// <summary><see cref="CommunesAsync"/> over the roll-ups as they are, for a caller that has just refreshed them.</summary>
    private async Task<CommuneReport> FromRollupsAsync(string? flowId, AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        filter = filter with { Commune = null };
        var totals = (await reader.CommuneTotalsAsync(flowId, filter, cancellationToken)).ToDictionary(t => t.Commune, StringComparer.Ordinal);
        var unlisted = totals.GetValueOrDefault("")?.Started ?? 0;
        // Units since removed from the place file keep their figures, under their id.
        var ids = places.Communes.Select(c => c.Id)
            .Concat(totals.Keys.Where(id => id.Length > 0 && places.Find(id) is null).Order(StringComparer.Ordinal))
            .ToList();
        var hidden = SmallNumbers.Hidden(ids.Select(id => totals.GetValueOrDefault(id)?.Started ?? 0).ToList(), unlisted, minRuns);
        var rows = ids.Select((id, i) =>
        {
            var commune = places.Find(id);
            var t = totals.GetValueOrDefault(id);
            return new CommuneFigures(id, commune is null ? id : commune.Title, commune?.Kind.Token() ?? "", Runs(t, hidden.Contains(i)),
                hidden.Contains(i) || t is not { Started: > 0 } ? null : Math.Round((double)t.Completed / t.Started, 4));
        }).ToList();
        var ranked = rows.Where(r => !r.Hidden)
            .OrderByDescending(r => r.Conversion ?? -1).ThenByDescending(r => r.Runs.Started.Value).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Concat(rows.Where(r => r.Hidden))
            .ToList();
        return new CommuneReport(filter, flowId, minRuns, ranked);
    }

    /// <summary>
    /// Whether the commune <paramref name="filter"/> names may have its own figures over that filter (one flow or all): it is
    /// a known commune shown, not hidden, in <see cref="CommunesAsync"/>. Funnels and reports by commune ask this first.
    /// </summary>
    public async Task<bool> ShowsAsync(string? flowId, AnalyticsFilter filter, CancellationToken cancellationToken) =>
        filter.Commune is { } id && (await CommunesAsync(flowId, filter, cancellationToken)).Communes.FirstOrDefault(c => c.Id == id) is { Hidden: false };

    /// <summary>
    /// The report's table by commune: the communes shown over the report's filter, with their conversion over the period
    /// just before (as long, ending the day before <c>From</c>) where they were shown then too; and how many are hidden.
    /// </summary>
    public async Task<AnalyticsReport> AddToAsync(AnalyticsReport report, CancellationToken cancellationToken)
    {
        var filter = report.Filter;
        if (filter.Commune is not null)
        {
            return report;
        }
        // One refresh for both periods: each refresh takes the roll-ups' write lock, even when it finds nothing new.
        await reader.RefreshAsync(cancellationToken);
        var now = await FromRollupsAsync(null, filter, cancellationToken);
        var before = filter is { From: { } from, To: { } to }
            ? (await FromRollupsAsync(null, filter with { From = from.AddDays(from.DayNumber - to.DayNumber - 1), To = from.AddDays(-1) }, cancellationToken))
                .Communes.Where(c => !c.Hidden).ToDictionary(c => c.Id, c => c.Conversion, StringComparer.Ordinal)
            : [];
        var shown = now.Communes.Where(c => !c.Hidden)
            .Select(c => new ReportCommune(c.Id, c.Name, c.Runs.Started.Value ?? 0, c.Runs.Completed.Value ?? 0, c.Conversion, before.GetValueOrDefault(c.Id)))
            .ToList();
        return report with { Communes = shown, CommunesHidden = now.Communes.Count - shown.Count };
    }

    /// <summary>True when <paramref name="id"/> is a commune of the province's file.</summary>
    public bool Knows(string id) => places.Find(id) is not null;

    private CommuneRuns Runs(CommuneTotals? t, bool hidden)
    {
        SmallCount Count(long value) => hidden ? SmallCount.Hidden(minRuns) : SmallCount.Exact(value);
        return new CommuneRuns(Count(t?.Started ?? 0), Count(t?.Completed ?? 0), Count(t?.Abandoned ?? 0), Count(t?.Cancelled ?? 0),
            Count(t?.HandedOff ?? 0), Count(t?.Replaced ?? 0), Count(t?.InProgress ?? 0));
    }
}
