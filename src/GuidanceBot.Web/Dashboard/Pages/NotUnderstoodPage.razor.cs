using GuidanceBot.Web.Analytics;

namespace GuidanceBot.Web.Dashboard.Pages;

/// <summary>Loads the texts the bot did not understand in the period, the list staff use to add utterances to <c>dialogs/</c>.</summary>
public sealed partial class NotUnderstoodPage
{
    private const int Limit = 200;
    [Parameter, EditorRequired] public DashboardFilter Filter { get; set; } = null!;

    [Parameter, EditorRequired] public IReadOnlyList<NotUnderstoodText> Texts { get; set; } = [];

    [Parameter, EditorRequired] public FlowCatalog Catalog { get; set; } = null!;

    public static async Task<RazorComponentResult<NotUnderstoodPage>> RenderAsync(HttpContext http, FunnelQuery query, ContentProvider content,
        CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Read(http) with { Version = null };
        var texts = await query.NotUnderstoodOffersAsync(filter.Analytics, Limit, cancellationToken);
        return new(new { Filter = filter, Texts = texts, Catalog = content.Current });
    }

    public static async Task<IResult> CsvAsync(HttpContext http, FunnelQuery query, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Read(http) with { Version = null };
        var texts = await query.NotUnderstoodOffersAsync(filter.Analytics, Limit, cancellationToken);
        return AnalyticsCsv.File(AnalyticsCsv.Texts(texts.Select(t => new TextCount(t.Text, t.Count)).ToList()), "not-understood.csv");
    }
}
