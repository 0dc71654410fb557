using System.Globalization;
using GuidanceBot.Web.Analytics;

namespace GuidanceBot.Web.Dashboard.Pages;

/// <summary>Loads the report of a week (Monday–Sunday) or a calendar month; the CSV export takes from and to.</summary>
public sealed partial class ReportPage
{
    /// <summary>"week" or "month".</summary>
    [Parameter, EditorRequired] public string Period { get; set; } = "week";

    [Parameter, EditorRequired] public AnalyticsReport Report { get; set; } = null!;

    [Parameter, EditorRequired] public FlowCatalog Catalog { get; set; } = null!;

    public static async Task<RazorComponentResult<ReportPage>> RenderAsync(HttpContext http, FunnelQuery query, CommuneQuery communes, ContentProvider content,
        CancellationToken cancellationToken)
    {
        var (period, from, to) = PeriodOf(http);
        var report = await communes.AddToAsync(await query.ReportAsync(new AnalyticsFilter(from, to), cancellationToken), cancellationToken);
        return new(new { Period = period, Report = report, Catalog = content.Current });
    }

    public static async Task<IResult> CsvAsync(HttpContext http, FunnelQuery query, CommuneQuery communes, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Read(http);
        var report = await communes.AddToAsync(await query.ReportAsync(new AnalyticsFilter(filter.From, filter.To), cancellationToken), cancellationToken);
        return AnalyticsCsv.File(AnalyticsCsv.Report(report), $"report-{DashboardFilter.Day(filter.From)}-{DashboardFilter.Day(filter.To)}.csv");
    }

    /// <summary>The report's days: the week or month containing <c>at</c> (default: the last full week or month).</summary>
    private static (string Period, DateOnly From, DateOnly To) PeriodOf(HttpContext http)
    {
        var period = http.Request.Query["period"] == "month" ? "month" : "week";
        var today = DashboardFilter.Today(http);
        var at = DashboardFilter.ReadDay(http, "at") ?? (period == "month" ? today.AddDays(-today.Day) : today.AddDays(-7));
        if (period == "month")
        {
            var first = new DateOnly(at.Year, at.Month, 1);
            return (period, first, first.AddMonths(1).AddDays(-1));
        }
        var monday = at.AddDays(-(((int)at.DayOfWeek + 6) % 7));
        return (period, monday, monday.AddDays(6));
    }
}
