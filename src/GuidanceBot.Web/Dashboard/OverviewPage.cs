using System.Text;
using GuidanceBot.Analytics;
using GuidanceBot.Content;
using static GuidanceBot.Web.Dashboard.DashboardLayout;

namespace GuidanceBot.Web.Dashboard;

/// <summary>
/// <c>/dashboard</c>: runs started, completed and abandoned with the conversion for the period, the trend per day,
/// the split per channel, and the ten steps losing the most citizens with the bot's text there.
/// </summary>
public static class OverviewPage
{
    /// <summary>Channel groups as staff name them; anything else (Emulator, Teams, tests) is "other".</summary>
    private static readonly (string Key, string Vi, string En, string[] Channels)[] ChannelGroups =
    [
        ("web", "Trang web", "Web", ["webchat", "directline"]),
        ("zalo", "Zalo", "Zalo", ["zalo"]),
    ];

    public static async Task<IResult> RenderAsync(HttpContext http, FunnelQuery query, IAnalyticsReader reader, ContentProvider content, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Read(http) with { Channel = null, Version = null, Language = null };
        var report = await query.ReportAsync(filter.Analytics, cancellationToken);

        var trend = new List<(DateOnly Day, long Started, long Completed, long Abandoned)>();
        foreach (var day in filter.Days())
        {
            var runs = await reader.RunTotalsAsync(null, new AnalyticsFilter(day, day), cancellationToken);
            trend.Add((day, runs.Sum(r => r.Started), runs.Sum(r => r.Completed), runs.Sum(r => r.Abandoned)));
        }
        var channels = new List<(string Key, string Name, long Started, long Completed, long Abandoned)>();
        foreach (var group in ChannelGroups)
        {
            long started = 0, completed = 0, abandoned = 0;
            foreach (var channel in group.Channels)
            {
                var runs = await reader.RunTotalsAsync(null, filter.Analytics with { Channel = channel }, cancellationToken);
                started += runs.Sum(r => r.Started);
                completed += runs.Sum(r => r.Completed);
                abandoned += runs.Sum(r => r.Abandoned);
            }
            channels.Add((group.Key, T(http, group.Vi, group.En), started, completed, abandoned));
        }
        channels.Add(("other", T(http, "Khác", "Other"), report.Totals.Started - channels.Sum(c => c.Started),
            report.Totals.Completed - channels.Sum(c => c.Completed), report.Totals.Abandoned - channels.Sum(c => c.Abandoned)));

        var catalog = content.Current;
        var html = new StringBuilder();
        html.Append("<form method=\"get\" action=\"/dashboard\" class=\"filters\" aria-label=\"").Append(T(http, "Chọn kỳ", "Choose the period")).Append("\">")
            .Append(PeriodInputs(http, filter))
            .Append("<p><button type=\"submit\">").Append(T(http, "Xem", "Show")).Append("</button></p></form>");

        html.Append("<dl class=\"kpis\">");
        Kpi(html, "kpi-started", T(http, "Lượt bắt đầu", "Runs started"), N(report.Totals.Started));
        Kpi(html, "kpi-completed", T(http, "Hoàn thành", "Completed"), N(report.Totals.Completed));
        Kpi(html, "kpi-abandoned", T(http, "Bỏ dở", "Abandoned"), N(report.Totals.Abandoned));
        Kpi(html, "kpi-conversion", T(http, "Tỉ lệ hoàn thành", "Conversion"), P(report.Conversion));
        html.Append("</dl>");

        var startedText = T(http, "Bắt đầu", "Started");
        var completedText = T(http, "Hoàn thành", "Completed");
        var abandonedText = T(http, "Bỏ dở", "Abandoned");
        html.Append("<div class=\"grid two\"><section class=\"card\" aria-labelledby=\"trend-title\"><h2 id=\"trend-title\">")
            .Append(T(http, "Theo ngày", "Per day")).Append("</h2>")
            .Append("<div class=\"chart\"><canvas data-chart=\"chart-trend\" role=\"img\" aria-label=\"")
            .Append(T(http, "Biểu đồ lượt bắt đầu, hoàn thành và bỏ dở theo ngày; số liệu ở bảng bên dưới", "Chart of runs started, completed and abandoned per day; the numbers are in the table below"))
            .Append("\"></canvas></div>")
            .Append(ChartData("chart-trend", new
            {
                type = "line",
                labels = trend.Select(t => t.Day.ToString("dd/MM")),
                datasets = new object[]
                {
                    new { label = startedText, data = trend.Select(t => t.Started), color = "#1f5fa8" },
                    new { label = completedText, data = trend.Select(t => t.Completed), color = "#1d7a3e" },
                    new { label = abandonedText, data = trend.Select(t => t.Abandoned), color = "#b3261e" },
                },
            }))
            .Append("<details><summary>").Append(T(http, "Bảng số liệu theo ngày", "Table per day")).Append("</summary><table id=\"trend-table\"><thead><tr><th scope=\"col\">")
            .Append(T(http, "Ngày", "Day")).Append("</th><th scope=\"col\">").Append(startedText).Append("</th><th scope=\"col\">").Append(completedText)
            .Append("</th><th scope=\"col\">").Append(abandonedText).Append("</th></tr></thead><tbody>");
        foreach (var t in trend.Where(t => t.Started > 0))
        {
            html.Append("<tr><th scope=\"row\">").Append(t.Day.ToString("dd/MM/yyyy")).Append("</th><td>").Append(N(t.Started)).Append("</td><td>")
                .Append(N(t.Completed)).Append("</td><td>").Append(N(t.Abandoned)).Append("</td></tr>");
        }
        html.Append("</tbody></table></details></section>");

        html.Append("<section class=\"card\" aria-labelledby=\"channel-title\"><h2 id=\"channel-title\">").Append(T(http, "Theo kênh", "Per channel")).Append("</h2>")
            .Append("<div class=\"chart small\"><canvas data-chart=\"chart-channels\" role=\"img\" aria-label=\"")
            .Append(T(http, "Biểu đồ theo kênh; số liệu ở bảng bên dưới", "Chart per channel; the numbers are in the table below")).Append("\"></canvas></div>")
            .Append(ChartData("chart-channels", new
            {
                type = "bar",
                labels = channels.Select(c => c.Name),
                datasets = new object[]
                {
                    new { label = startedText, data = channels.Select(c => c.Started), color = "#1f5fa8" },
                    new { label = completedText, data = channels.Select(c => c.Completed), color = "#1d7a3e" },
                    new { label = abandonedText, data = channels.Select(c => c.Abandoned), color = "#b3261e" },
                },
            }))
            .Append("<table id=\"channel-table\"><thead><tr><th scope=\"col\">").Append(T(http, "Kênh", "Channel")).Append("</th><th scope=\"col\">").Append(startedText)
            .Append("</th><th scope=\"col\">").Append(completedText).Append("</th><th scope=\"col\">").Append(abandonedText).Append("</th><th scope=\"col\">")
            .Append(T(http, "Tỉ lệ hoàn thành", "Conversion")).Append("</th></tr></thead><tbody>");
        foreach (var c in channels)
        {
            html.Append("<tr data-channel=\"").Append(c.Key).Append("\"><th scope=\"row\">").Append(E(c.Name)).Append("</th><td>").Append(N(c.Started)).Append("</td><td>")
                .Append(N(c.Completed)).Append("</td><td>").Append(N(c.Abandoned)).Append("</td><td>")
                .Append(P(c.Started == 0 ? null : (double)c.Completed / c.Started)).Append("</td></tr>");
        }
        html.Append("</tbody></table></section></div>");

        html.Append("<section class=\"card\" aria-labelledby=\"worst-title\"><h2 id=\"worst-title\">")
            .Append(T(http, "10 bước người dân bỏ cuộc nhiều nhất", "The 10 steps losing the most citizens")).Append("</h2>");
        if (report.WorstSteps.Count == 0)
        {
            html.Append("<p>").Append(T(http, "Chưa có ai bỏ cuộc trong kỳ này.", "Nobody was lost in this period.")).Append("</p>");
        }
        else
        {
            html.Append("<table id=\"worst-steps\"><thead><tr><th scope=\"col\">").Append(T(http, "Thủ tục", "Procedure")).Append("</th><th scope=\"col\" class=\"text\">")
                .Append(T(http, "Bước và lời của bot", "Step and the bot's text")).Append("</th><th scope=\"col\">").Append(T(http, "Vào bước", "Entered"))
                .Append("</th><th scope=\"col\">").Append(T(http, "Bỏ cuộc", "Lost")).Append("</th><th scope=\"col\">").Append(T(http, "Tỉ lệ", "Rate"))
                .Append("</th></tr></thead><tbody>");
            foreach (var s in report.WorstSteps)
            {
                var flow = catalog.Find(s.Flow);
                var title = flow?.Title.For(Lang(http)) ?? s.Flow;
                var link = $"/dashboard/funnel?{filter.Query(("flow", s.Flow))}";
                html.Append("<tr><td><a href=\"").Append(E(link)).Append("\">").Append(E(title)).Append("</a></td><td class=\"text\"><code>").Append(E(s.Step)).Append("</code> ")
                    .Append(E(FunnelQuery.LabelOf(flow?.FindStep(s.Step)) ?? "")).Append("</td><td>").Append(N(s.Entered)).Append("</td><td>").Append(N(s.Lost))
                    .Append("</td><td>").Append(P(s.LossRate)).Append("</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("</section>");
        return Html(Page(http, T(http, "Tổng quan", "Overview"), "overview", html.ToString()));
    }

}
