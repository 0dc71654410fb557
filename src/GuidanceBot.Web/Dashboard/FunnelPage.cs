using System.Text;
using GuidanceBot.Analytics;
using GuidanceBot.Content;
using GuidanceBot.Web.Analytics;
using static GuidanceBot.Web.Dashboard.DashboardLayout;

namespace GuidanceBot.Web.Dashboard;

/// <summary>
/// <c>/dashboard/funnel</c>: one flow's steps as a horizontal funnel (entered = moved on + ended there by reason + still there),
/// the median time at each step, filters, two content versions side by side, the table below, and the CSV of what is shown.
/// </summary>
public static class FunnelPage
{
    private static readonly string[] Channels = ["webchat", "directline", "zalo", "emulator"];

    private sealed record View(DashboardFilter Filter, string Flow, string? Compare, Funnel Funnel, IReadOnlyList<string> Versions);

    public static async Task<IResult> RenderAsync(HttpContext http, FunnelQuery query, IAnalyticsReader reader, ContentProvider content, CancellationToken cancellationToken)
    {
        var view = await LoadAsync(http, query, reader, content, cancellationToken);
        var filter = view.Filter;
        var catalog = content.Current;
        var html = new StringBuilder();

        html.Append("<form method=\"get\" action=\"/dashboard/funnel\" class=\"filters\" aria-label=\"").Append(T(http, "Bộ lọc", "Filters")).Append("\">")
            .Append("<p><label for=\"flow\">").Append(T(http, "Thủ tục", "Procedure")).Append("</label><select id=\"flow\" name=\"flow\">");
        foreach (var flow in catalog.Flows.OrderBy(f => f.Title.For(Lang(http)), StringComparer.CurrentCulture))
        {
            Option(html, flow.Id, flow.Title.For(Lang(http)), view.Flow);
        }
        html.Append("</select></p>").Append(PeriodInputs(http, filter))
            .Append("<p><label for=\"channel\">").Append(T(http, "Kênh", "Channel")).Append("</label><select id=\"channel\" name=\"channel\">");
        Option(html, "", T(http, "Tất cả", "All"), filter.Channel ?? "");
        foreach (var channel in Channels.Union(filter.Channel is null ? [] : [filter.Channel]))
        {
            Option(html, channel, channel, filter.Channel ?? "");
        }
        html.Append("</select></p><p><label for=\"language\">").Append(T(http, "Ngôn ngữ", "Language")).Append("</label><select id=\"language\" name=\"language\">");
        Option(html, "", T(http, "Tất cả", "All"), filter.Language ?? "");
        Option(html, "vi", "Tiếng Việt", filter.Language ?? "");
        Option(html, "en", "English", filter.Language ?? "");
        html.Append("</select></p><p><label for=\"version\">").Append(T(http, "Phiên bản nội dung", "Content version")).Append("</label><select id=\"version\" name=\"version\">");
        Option(html, "", T(http, "Tất cả", "All"), filter.Version ?? "");
        foreach (var version in view.Versions)
        {
            Option(html, version, version, filter.Version ?? "");
        }
        html.Append("</select></p><p><label for=\"compare\">").Append(T(http, "So sánh với phiên bản", "Compare with version")).Append("</label><select id=\"compare\" name=\"compare\">");
        Option(html, "", T(http, "Không so sánh", "No comparison"), view.Compare ?? "");
        foreach (var version in view.Versions)
        {
            Option(html, version, version, view.Compare ?? "");
        }
        html.Append("</select></p><p><button type=\"submit\">").Append(T(http, "Xem", "Show")).Append("</button></p></form>");
        if (view.Compare is not null && filter.Version is null)
        {
            html.Append("<p class=\"note\" role=\"status\">").Append(T(http, "Chọn cả “Phiên bản nội dung” để so sánh hai phiên bản.", "Choose a content version too to compare two versions.")).Append("</p>");
        }

        html.Append("<p class=\"actions\"><a class=\"button\" href=\"/dashboard/funnel.csv?").Append(E(filter.Query(("flow", view.Flow), ("compare", view.Compare))))
            .Append("\" download>").Append(T(http, "Tải CSV (đúng số liệu đang xem)", "Download CSV (exactly what is shown)")).Append("</a></p>");

        var funnels = view.Funnel.Compare is { } right ? new[] { view.Funnel, right } : [view.Funnel];
        html.Append(funnels.Length > 1 ? "<div class=\"grid two\">" : "<div>");
        for (var i = 0; i < funnels.Length; i++)
        {
            Section(html, http, funnels[i], $"f{i}", funnels.Length > 1);
        }
        html.Append("</div>");
        var title = catalog.Find(view.Flow)?.Title.For(Lang(http)) ?? view.Flow;
        return Html(Page(http, T(http, "Phễu: ", "Funnel: ") + title, "funnel", html.ToString()));
    }

    public static async Task<IResult> CsvAsync(HttpContext http, FunnelQuery query, IAnalyticsReader reader, ContentProvider content, CancellationToken cancellationToken)
    {
        var view = await LoadAsync(http, query, reader, content, cancellationToken);
        return AnalyticsCsv.File(AnalyticsCsv.Funnel(view.Funnel), $"funnel-{view.Flow}-{DashboardFilter.Day(view.Filter.From)}-{DashboardFilter.Day(view.Filter.To)}.csv");
    }

    /// <summary>The funnel as the page shows it: main-path steps and any step someone entered (the CSV uses the same).</summary>
    private static async Task<View> LoadAsync(HttpContext http, FunnelQuery query, IAnalyticsReader reader, ContentProvider content, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Read(http);
        var catalog = content.Current;
        var flow = DashboardFilter.Optional(http, "flow");
        if (flow is null || !await query.KnowsFlowAsync(flow, cancellationToken))
        {
            await reader.RefreshAsync(cancellationToken);
            var busiest = (await reader.RunTotalsAsync(null, filter.Analytics, cancellationToken)).OrderByDescending(r => r.Started).FirstOrDefault();
            flow = busiest?.FlowId ?? catalog.Flows.OrderBy(f => f.Id, StringComparer.Ordinal).FirstOrDefault()?.Id ?? "";
        }
        var compare = DashboardFilter.Optional(http, "compare");
        var funnel = compare is not null && filter.Version is not null
            ? await query.CompareAsync(flow, filter.Analytics, compare, cancellationToken)
            : await query.FunnelAsync(flow, filter.Analytics, cancellationToken);
        funnel = Shown(funnel) with { Compare = funnel.Compare is null ? null : Shown(funnel.Compare) };
        return new View(filter, flow, compare, funnel, await reader.VersionsAsync(flow, cancellationToken));
    }

    private static Funnel Shown(Funnel funnel) => funnel with { Steps = funnel.Steps.Where(s => s.MainPath || s.Entered > 0).ToList() };

    private static void Section(StringBuilder html, HttpContext http, Funnel funnel, string id, bool compared)
    {
        var version = funnel.Filter.Version;
        html.Append("<section class=\"card\" aria-labelledby=\"").Append(id).Append("-title\"><h2 id=\"").Append(id).Append("-title\">")
            .Append(compared ? T(http, "Phiên bản ", "Version ") + E(version) : T(http, "Các bước", "Steps")).Append("</h2>")
            .Append("<dl class=\"kpis small\">");
        Kpi(html, $"{id}-started", T(http, "Bắt đầu", "Started"), N(funnel.Runs.Started));
        Kpi(html, $"{id}-completed", T(http, "Hoàn thành", "Completed"), N(funnel.Runs.Completed));
        Kpi(html, $"{id}-abandoned", T(http, "Bỏ dở", "Abandoned"), N(funnel.Runs.Abandoned));
        Kpi(html, $"{id}-conversion", T(http, "Tỉ lệ hoàn thành", "Conversion"), P(funnel.Conversion));
        html.Append("</dl>");

        var series = new (string Vi, string En, string Color, Func<FunnelStep, long> Value)[]
        {
            ("Đi tiếp", "Moved on", "#1f5fa8", s => s.MovedOn),
            ("Hoàn thành tại bước", "Completed here", "#1d7a3e", s => s.Ended.Completed),
            ("Bỏ dở", "Abandoned", "#b3261e", s => s.Ended.Abandoned),
            ("Tự dừng", "Cancelled", "#8a5a00", s => s.Ended.Cancelled),
            ("Gặp cán bộ", "Handed off", "#6b3fa0", s => s.Ended.HandedOff),
            ("Chuyển thủ tục khác", "Switched flow", "#5f6b7a", s => s.Ended.Replaced),
            ("Đang làm dở", "Still there", "#a7b1bd", s => s.InProgress),
        };
        html.Append("<div class=\"chart funnel\" data-rows=\"").Append(funnel.Steps.Count).Append("\"><canvas data-chart=\"chart-").Append(id)
            .Append("\" role=\"img\" aria-label=\"").Append(T(http, "Phễu theo bước; số liệu ở bảng bên dưới", "Funnel by step; the numbers are in the table below"))
            .Append("\"></canvas></div>")
            .Append(ChartData($"chart-{id}", new
            {
                type = "bar",
                horizontal = true,
                stacked = true,
                labels = funnel.Steps.Select(s => s.Id),
                datasets = series.Select(x => new { label = T(http, x.Vi, x.En), data = funnel.Steps.Select(x.Value), color = x.Color }),
            }));

        html.Append("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"").Append(id).Append("-title\"><table id=\"").Append(id).Append("-table\"><caption>").Append(T(http, "Số liệu từng bước", "Numbers per step"))
            .Append("</caption><thead><tr>");
        foreach (var (vi, en) in new[]
        {
            ("Bước", "Step"), ("Lời của bot", "Bot's text"), ("Vào bước", "Entered"), ("Đi tiếp", "Moved on"), ("Hoàn thành", "Completed"),
            ("Bỏ dở", "Abandoned"), ("Tự dừng", "Cancelled"), ("Gặp cán bộ", "Handed off"), ("Chuyển thủ tục", "Switched"),
            ("Đang làm dở", "Still there"), ("Thời gian (trung vị)", "Median time"), ("Thời gian (p90)", "p90 time"),
        })
        {
            html.Append(vi == "Lời của bot" ? "<th scope=\"col\" class=\"text\">" : "<th scope=\"col\">").Append(T(http, vi, en)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var s in funnel.Steps)
        {
            html.Append("<tr data-step=\"").Append(E(s.Id)).Append("\"><th scope=\"row\"><code>").Append(E(s.Id)).Append("</code></th><td class=\"text\">")
                .Append(E(s.Label)).Append("</td>");
            foreach (var value in new[] { s.Entered, s.MovedOn, s.Ended.Completed, s.Ended.Abandoned, s.Ended.Cancelled, s.Ended.HandedOff, s.Ended.Replaced, s.InProgress })
            {
                html.Append("<td>").Append(N(value)).Append("</td>");
            }
            html.Append("<td>").Append(Seconds(http, s.MedianSeconds)).Append("</td><td>").Append(Seconds(http, s.P90Seconds)).Append("</td></tr>");
        }
        html.Append("</tbody></table></div></section>");
    }
}
