using GuidanceBot.Web.Analytics;
using static GuidanceBot.Web.Dashboard.DashboardFormat;

namespace GuidanceBot.Web.Dashboard.Pages;

/// <summary>Loads the figures by commune over the period (one procedure or all, one channel or all); the CSV export takes the same filters.</summary>
public sealed partial class CommunesPage
{
    [Parameter, EditorRequired] public DashboardFilter Filter { get; set; } = null!;

    /// <summary>The procedure the figures are about; null for all.</summary>
    [Parameter] public string? Flow { get; set; }

    [Parameter, EditorRequired] public CommuneReport Report { get; set; } = null!;

    [Parameter, EditorRequired] public FlowCatalog Catalog { get; set; } = null!;

    private List<CommuneFigures> Shown => [.. Report.Communes.Where(c => !c.Hidden)];

    private List<CommuneFigures> Hidden => [.. Report.Communes.Where(c => c.Hidden)];

    public static async Task<RazorComponentResult<CommunesPage>> RenderAsync(HttpContext http, CommuneQuery query, ContentProvider content,
        CancellationToken cancellationToken)
    {
        var (filter, flow) = Read(http, content);
        var report = await query.CommunesAsync(flow, filter.Analytics, cancellationToken);
        return new(new { Filter = filter, Flow = flow, Report = report, Catalog = content.Current });
    }

    public static async Task<IResult> CsvAsync(HttpContext http, CommuneQuery query, ContentProvider content, CancellationToken cancellationToken)
    {
        var (filter, flow) = Read(http, content);
        var report = await query.CommunesAsync(flow, filter.Analytics, cancellationToken);
        return AnalyticsCsv.File(AnalyticsCsv.Communes(report), flow is null ? "communes.csv" : $"communes-{flow}.csv");
    }

    /// <summary>The period and channel; the procedure when it is one the content has (anything else shows all).</summary>
    private static (DashboardFilter Filter, string? Flow) Read(HttpContext http, ContentProvider content)
    {
        var filter = DashboardFilter.Read(http) with { Version = null, Language = null };
        var flow = DashboardFilter.Optional(http, "flow") is { } id && content.Current.Find(id) is not null ? id : null;
        return (filter, flow);
    }

    /// <summary>A count, or "&lt; N" where the small-number rule hides it.</summary>
    private static string C(SmallCount count) => count.Value is { } value ? N(value) : count.ToString();

    /// <summary>One bar per commune shown: its conversion in percent, best first.</summary>
    private object ChartSpec() => new
    {
        type = "bar",
        horizontal = true,
        labels = Shown.Select(c => c.Name),
        datasets = new object[]
        {
            new { label = L["ConversionPercent"].Value, data = Shown.Select(c => Math.Round((c.Conversion ?? 0) * 100, 1)), color = "#1d7a3e" },
        },
    };
}
