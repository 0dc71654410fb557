
namespace GuidanceBot.Web.Dashboard.Pages;

/// <summary>Loads the overview's figures for the period; the page renders them.</summary>
public sealed partial class OverviewPage
{
    /// <summary>Runs of one reporting day.</summary>
    public sealed record DayRuns(DateOnly Day, RunCounts Runs);

    /// <summary>Runs of one channel group; Name is the group's text key.</summary>
    public sealed record ChannelRuns(string Key, string Name, RunCounts Runs);

    /// <summary>Started, completed and abandoned runs: what the overview's charts and tables show.</summary>
    public sealed record RunCounts(long Started, long Completed, long Abandoned)
    {
        public static RunCounts Of(IEnumerable<RunTotals> runs) =>
            runs.Aggregate(new RunCounts(0, 0, 0), (sum, r) => new RunCounts(sum.Started + r.Started, sum.Completed + r.Completed, sum.Abandoned + r.Abandoned));

        public static RunCounts operator +(RunCounts a, RunCounts b) => new(a.Started + b.Started, a.Completed + b.Completed, a.Abandoned + b.Abandoned);

        public static RunCounts operator -(RunCounts a, RunCounts b) => new(a.Started - b.Started, a.Completed - b.Completed, a.Abandoned - b.Abandoned);
    }

    /// <summary>Channel groups as staff name them; anything else (Emulator, Teams, tests) is "other".</summary>
    private static readonly (string Key, string Name, string[] Channels)[] ChannelGroups =
    [
        ("web", "ChannelWeb", ["webchat", "directline"]),
        ("zalo", "ChannelZalo", ["zalo"]),
    ];

    [Parameter, EditorRequired] public DashboardFilter Filter { get; set; } = null!;

    [Parameter, EditorRequired] public AnalyticsReport Report { get; set; } = null!;

    [Parameter, EditorRequired] public IReadOnlyList<DayRuns> Trend { get; set; } = [];

    [Parameter, EditorRequired] public IReadOnlyList<ChannelRuns> Channels { get; set; } = [];

    [Parameter, EditorRequired] public FlowCatalog Catalog { get; set; } = null!;

    public static async Task<RazorComponentResult<OverviewPage>> RenderAsync(HttpContext http, FunnelQuery query, IAnalyticsReader reader, ContentProvider content,
        CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Read(http) with { Channel = null, Version = null, Language = null };
        var report = await query.ReportAsync(filter.Analytics, cancellationToken);

        var trend = new List<DayRuns>();
        foreach (var day in filter.Days())
        {
            trend.Add(new DayRuns(day, RunCounts.Of(await reader.RunTotalsAsync(null, new AnalyticsFilter(day, day), cancellationToken))));
        }
        var channels = new List<ChannelRuns>();
        foreach (var (key, name, members) in ChannelGroups)
        {
            var runs = new RunCounts(0, 0, 0);
            foreach (var channel in members)
            {
                runs += RunCounts.Of(await reader.RunTotalsAsync(null, filter.Analytics with { Channel = channel }, cancellationToken));
            }
            channels.Add(new ChannelRuns(key, name, runs));
        }
        var all = new RunCounts(report.Totals.Started, report.Totals.Completed, report.Totals.Abandoned);
        channels.Add(new ChannelRuns("other", "ChannelOther", channels.Aggregate(all, (rest, c) => rest - c.Runs)));

        return new(new
        {
            Filter = filter,
            Report = report,
            Trend = trend,
            Channels = channels,
            Catalog = content.Current,
        });
    }

    /// <summary>Started, completed and abandoned as three coloured series over the labels.</summary>
    private object Spec(string type, IEnumerable<string> labels, IReadOnlyList<RunCounts> runs) => new
    {
        type,
        labels,
        datasets = new object[]
        {
            new { label = L["Started"].Value, data = runs.Select(r => r.Started), color = "#1f5fa8" },
            new { label = L["Completed"].Value, data = runs.Select(r => r.Completed), color = "#1d7a3e" },
            new { label = L["Abandoned"].Value, data = runs.Select(r => r.Abandoned), color = "#b3261e" },
        },
    };
}
