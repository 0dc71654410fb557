using GuidanceBot.Web.Analytics;

namespace GuidanceBot.Web.Dashboard.Pages;

/// <summary>
/// Loads one flow's funnel as the page shows it (main-path steps and any step someone entered, entered = moved on +
/// ended there by reason + still there), optionally beside another content version; the CSV export reads the same view.
/// </summary>
public sealed partial class FunnelPage
{

    /// <summary>What the page shows: the flow, the version compared with (if any), the funnel and the versions seen.</summary>
    public sealed record FunnelView(DashboardFilter Filter, string Flow, string? Compare, Funnel Funnel, IReadOnlyList<string> Versions);

    [Parameter, EditorRequired] public FunnelView View { get; set; } = null!;

    [Parameter, EditorRequired] public FlowCatalog Catalog { get; set; } = null!;

    private DashboardFilter Filter => View.Filter;

    public static async Task<RazorComponentResult<FunnelPage>> RenderAsync(HttpContext http, FunnelQuery query, IAnalyticsReader reader, ContentProvider content,
        CancellationToken cancellationToken) =>
        new(new { View = await LoadAsync(http, query, reader, content, cancellationToken), Catalog = content.Current });

    public static async Task<IResult> CsvAsync(HttpContext http, FunnelQuery query, IAnalyticsReader reader, ContentProvider content, CancellationToken cancellationToken)
    {
        var view = await LoadAsync(http, query, reader, content, cancellationToken);
        return AnalyticsCsv.File(AnalyticsCsv.Funnel(view.Funnel), $"funnel-{view.Flow}-{DashboardFilter.Day(view.Filter.From)}-{DashboardFilter.Day(view.Filter.To)}.csv");
    }

    /// <summary>The funnel of the flow asked for, or of the busiest flow in the period when none (or an unknown one) is asked for.</summary>
    private static async Task<FunnelView> LoadAsync(HttpContext http, FunnelQuery query, IAnalyticsReader reader, ContentProvider content, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Read(http);
        var flow = DashboardFilter.Optional(http, "flow");
        if (flow is null || !await query.KnowsFlowAsync(flow, cancellationToken))
        {
            await reader.RefreshAsync(cancellationToken);
            var busiest = (await reader.RunTotalsAsync(null, filter.Analytics, cancellationToken)).OrderByDescending(r => r.Started).FirstOrDefault();
            flow = busiest?.FlowId ?? content.Current.Flows.OrderBy(f => f.Id, StringComparer.Ordinal).FirstOrDefault()?.Id ?? "";
        }
        var compare = DashboardFilter.Optional(http, "compare");
        var funnel = compare is not null && filter.Version is not null
            ? await query.CompareAsync(flow, filter.Analytics, compare, cancellationToken)
            : await query.FunnelAsync(flow, filter.Analytics, cancellationToken);
        funnel = Shown(funnel) with { Compare = funnel.Compare is null ? null : Shown(funnel.Compare) };
        return new FunnelView(filter, flow, compare, funnel, await reader.VersionsAsync(flow, cancellationToken));
    }

    private static Funnel Shown(Funnel funnel) => funnel with { Steps = funnel.Steps.Where(s => s.MainPath || s.Entered > 0).ToList() };
}
