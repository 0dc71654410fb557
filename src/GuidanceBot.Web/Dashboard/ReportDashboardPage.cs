using System.Globalization;
using System.Text;
using GuidanceBot.Analytics;
using GuidanceBot.Content;
using GuidanceBot.Web.Analytics;
using static GuidanceBot.Web.Dashboard.DashboardLayout;

namespace GuidanceBot.Web.Dashboard;

/// <summary>
/// <c>/dashboard/report</c>: the leadership report for a week (Monday–Sunday) or a calendar month, printable on A4
/// (the print stylesheet drops navigation and forms) and as CSV.
/// </summary>
public static class ReportDashboardPage
{
    /// <summary>The report's days: the week or month containing <c>at</c> (default: the last full week or month).</summary>
    public static (string Period, DateOnly From, DateOnly To) PeriodOf(HttpContext http)
    {
        var period = http.Request.Query["period"] == "month" ? "month" : "week";
        var today = DashboardFilter.Today(http);
        var at = DateOnly.TryParseExact(http.Request.Query["at"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : period == "month" ? today.AddDays(-today.Day) : today.AddDays(-7);
        if (period == "month")
        {
            var first = new DateOnly(at.Year, at.Month, 1);
            return (period, first, first.AddMonths(1).AddDays(-1));
        }
        var monday = at.AddDays(-(((int)at.DayOfWeek + 6) % 7));
        return (period, monday, monday.AddDays(6));
    }

    public static async Task<IResult> RenderAsync(HttpContext http, FunnelQuery query, CommuneQuery communes, ContentProvider content, CancellationToken cancellationToken)
    {
        var (period, from, to) = PeriodOf(http);
        var report = await communes.AddToAsync(await query.ReportAsync(new AnalyticsFilter(from, to), cancellationToken), cancellationToken);
        var catalog = content.Current;
        var html = new StringBuilder();
        html.Append("<form method=\"get\" action=\"/dashboard/report\" class=\"filters no-print\" aria-label=\"").Append(T(http, "Chọn kỳ báo cáo", "Choose the period")).Append("\">")
            .Append("<p><label for=\"period\">").Append(T(http, "Kỳ", "Period")).Append("</label><select id=\"period\" name=\"period\">");
        Option(html, "week", T(http, "Tuần", "Week"), period);
        Option(html, "month", T(http, "Tháng", "Month"), period);
        html.Append("</select></p><p><label for=\"at\">").Append(T(http, "Chứa ngày", "Containing the day")).Append("</label><input id=\"at\" name=\"at\" type=\"date\" value=\"")
            .Append(DashboardFilter.Day(from)).Append("\"></p><p><button type=\"submit\">").Append(T(http, "Xem", "Show")).Append("</button></p></form>")
            .Append("<p class=\"actions no-print\"><button type=\"button\" data-print>").Append(T(http, "In báo cáo (A4)", "Print (A4)")).Append("</button> ")
            .Append("<a class=\"button\" href=\"/dashboard/report.csv?from=").Append(DashboardFilter.Day(from)).Append("&amp;to=").Append(DashboardFilter.Day(to))
            .Append("\" download>").Append(T(http, "Tải CSV", "Download CSV")).Append("</a></p>");

        html.Append("<p class=\"lead\" id=\"report-period\">").Append(T(http, "Kỳ báo cáo: ", "Period: ")).Append(from.ToString("dd/MM/yyyy")).Append(" – ")
            .Append(to.ToString("dd/MM/yyyy")).Append("</p><dl class=\"kpis\">");
        Kpi(html, "kpi-started", T(http, "Lượt bắt đầu", "Runs started"), N(report.Totals.Started));
        Kpi(html, "kpi-completed", T(http, "Hoàn thành", "Completed"), N(report.Totals.Completed));
        Kpi(html, "kpi-abandoned", T(http, "Bỏ dở", "Abandoned"), N(report.Totals.Abandoned));
        Kpi(html, "kpi-handed-off", T(http, "Gặp cán bộ", "Handed off"), N(report.Totals.HandedOff));
        Kpi(html, "kpi-conversion", T(http, "Tỉ lệ hoàn thành", "Conversion"), P(report.Conversion));
        html.Append("</dl>");

        html.Append("<section class=\"report-section\"><h2>").Append(T(http, "Theo thủ tục", "Per procedure")).Append("</h2><table id=\"report-flows\"><thead><tr>");
        foreach (var (vi, en) in new[] { ("Thủ tục", "Procedure"), ("Bắt đầu", "Started"), ("Hoàn thành", "Completed"), ("Bỏ dở", "Abandoned"), ("Tự dừng", "Cancelled"),
            ("Gặp cán bộ", "Handed off"), ("Tỉ lệ hoàn thành", "Conversion"), ("Bấm link cổng DVC", "Portal link clicks"), ("Thấy hữu ích", "Found it helpful") })
        {
            html.Append("<th scope=\"col\">").Append(T(http, vi, en)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var f in report.Flows.Where(f => f.Runs.Started > 0))
        {
            html.Append("<tr data-flow=\"").Append(E(f.Flow)).Append("\"><th scope=\"row\">").Append(E(catalog.Find(f.Flow)?.Title.For(Lang(http)) ?? f.Title)).Append("</th>");
            foreach (var value in new[] { N(f.Runs.Started), N(f.Runs.Completed), N(f.Runs.Abandoned), N(f.Runs.Cancelled), N(f.Runs.HandedOff), P(f.Conversion), N(f.LinkClicks), P(f.HelpfulShare) })
            {
                html.Append("<td>").Append(value).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></section>");

        html.Append("<section class=\"report-section\"><h2>").Append(T(http, "Các bước người dân bỏ cuộc nhiều nhất", "Steps losing the most citizens"))
            .Append("</h2><table id=\"report-steps\"><thead><tr>");
        foreach (var (vi, en) in new[] { ("Thủ tục", "Procedure"), ("Bước", "Step"), ("Vào bước", "Entered"), ("Bỏ cuộc", "Lost"), ("Tỉ lệ", "Rate") })
        {
            html.Append(vi == "Bước" ? "<th scope=\"col\" class=\"text\">" : "<th scope=\"col\">").Append(T(http, vi, en)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var s in report.WorstSteps)
        {
            var flow = catalog.Find(s.Flow);
            html.Append("<tr><td>").Append(E(flow?.Title.For(Lang(http)) ?? s.Flow)).Append("</td><td class=\"text\"><code>").Append(E(s.Step)).Append("</code> ")
                .Append(E(FunnelQuery.LabelOf(flow?.FindStep(s.Step)))).Append("</td><td>").Append(N(s.Entered)).Append("</td><td>").Append(N(s.Lost))
                .Append("</td><td>").Append(P(s.LossRate)).Append("</td></tr>");
        }
        html.Append("</tbody></table></section>");

        // The communes the small-number rule shows, lagging ones last, against the period before.
        html.Append("<section class=\"report-section\"><h2>").Append(T(http, "Theo xã, phường", "By commune"))
            .Append("</h2><table id=\"report-communes\"><thead><tr><th scope=\"col\">").Append(T(http, "Xã, phường", "Commune")).Append("</th><th scope=\"col\">")
            .Append(T(http, "Bắt đầu", "Started")).Append("</th><th scope=\"col\">").Append(T(http, "Hoàn thành", "Completed")).Append("</th><th scope=\"col\">")
            .Append(T(http, "Tỉ lệ hoàn thành", "Conversion")).Append("</th><th scope=\"col\">").Append(T(http, "Kỳ trước", "Previous period")).Append("</th></tr></thead><tbody>");
        foreach (var c in report.Communes)
        {
            html.Append("<tr data-commune=\"").Append(E(c.Id)).Append("\"><th scope=\"row\">").Append(E(c.Name)).Append("</th><td>").Append(N(c.Started)).Append("</td><td>")
                .Append(N(c.Completed)).Append("</td><td>").Append(P(c.Conversion)).Append("</td><td>").Append(P(c.PreviousConversion)).Append("</td></tr>");
        }
        html.Append("</tbody></table><p class=\"note\" id=\"report-communes-hidden\">").Append(E(T(http,
                $"{report.CommunesHidden} xã, phường có ít lượt quá nên không hiển thị số liệu riêng, để không nhận ra được người dân.",
                $"{report.CommunesHidden} communes had too few runs to show on their own, so that no citizen can be picked out.")))
            .Append("</p></section>");

        html.Append("<section class=\"report-section\"><h2>").Append(T(http, "Câu bot chưa hiểu (đã ẩn thông tin cá nhân)", "Texts the bot did not understand (personal data masked)"))
            .Append("</h2><table id=\"report-texts\"><thead><tr><th scope=\"col\">").Append(T(http, "Câu", "Text")).Append("</th><th scope=\"col\">")
            .Append(T(http, "Số lần", "Times")).Append("</th></tr></thead><tbody>");
        foreach (var t in report.NotUnderstood)
        {
            html.Append("<tr><td class=\"text\">").Append(E(t.Text)).Append("</td><td>").Append(N(t.Count)).Append("</td></tr>");
        }
        html.Append("</tbody></table></section>");
        var title = period == "month" ? T(http, "Báo cáo tháng", "Monthly report") : T(http, "Báo cáo tuần", "Weekly report");
        return Html(Page(http, title, "report", html.ToString()));
    }

    public static async Task<IResult> CsvAsync(HttpContext http, FunnelQuery query, CommuneQuery communes, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Read(http);
        var report = await communes.AddToAsync(await query.ReportAsync(new AnalyticsFilter(filter.From, filter.To), cancellationToken), cancellationToken);
        return AnalyticsCsv.File(AnalyticsCsv.Report(report), $"report-{DashboardFilter.Day(filter.From)}-{DashboardFilter.Day(filter.To)}.csv");
    }
}
