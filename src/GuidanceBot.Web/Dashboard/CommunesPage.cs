using System.Text;
using GuidanceBot.Analytics;
using GuidanceBot.Content;
using GuidanceBot.Web.Analytics;
using static GuidanceBot.Web.Dashboard.DashboardLayout;

namespace GuidanceBot.Web.Dashboard;

/// <summary>
/// <c>/dashboard/communes</c> ("Theo xã/phường"): communes and wards ranked by how often guidance ends completed, as a bar
/// chart and a table, with CSV; communes under the small-number rule read "&lt; N" and are only named (docs/analytics.md).
/// </summary>
public static class CommunesPage
{
    public static async Task<IResult> RenderAsync(HttpContext http, CommuneQuery query, ContentProvider content, CancellationToken cancellationToken)
    {
        var (filter, flow) = Read(http, content);
        var report = await query.CommunesAsync(flow, filter.Analytics, cancellationToken);
        var shown = report.Communes.Where(c => !c.Hidden).ToList();
        var hidden = report.Communes.Where(c => c.Hidden).ToList();
        var min = report.MinRuns;
        var html = new StringBuilder();
        html.Append("<form method=\"get\" action=\"/dashboard/communes\" class=\"filters\" aria-label=\"").Append(T(http, "Bộ lọc", "Filters")).Append("\">")
            .Append(PeriodInputs(http, filter))
            .Append("<p><label for=\"flow\">").Append(T(http, "Thủ tục", "Procedure")).Append("</label><select id=\"flow\" name=\"flow\">");
        Option(html, "", T(http, "Tất cả thủ tục", "All procedures"), flow ?? "");
        foreach (var f in content.Current.Flows)
        {
            Option(html, f.Id, f.Title.For(Lang(http)), flow ?? "");
        }
        html.Append("</select></p><p><label for=\"channel\">").Append(T(http, "Kênh", "Channel")).Append("</label><select id=\"channel\" name=\"channel\">");
        Option(html, "", T(http, "Tất cả", "All"), filter.Channel ?? "");
        foreach (var channel in new[] { "webchat", "directline", "zalo", "emulator" })
        {
            Option(html, channel, channel, filter.Channel ?? "");
        }
        html.Append("</select></p><p><button type=\"submit\">").Append(T(http, "Xem", "Show")).Append("</button></p></form>")
            .Append("<p class=\"note\" id=\"small-number-note\">").Append(E(T(http,
                $"Xã, phường có dưới {min} lượt trong kỳ được ghi là \"< {min}\", và có khi thêm một xã, phường nhỏ khác cũng ẩn, để không ai suy ra được người dân từ số liệu.",
                $"Communes with fewer than {min} runs in the period read \"< {min}\", and sometimes another small one is hidden too, so that no figure can point to a citizen.")))
            .Append("</p><p class=\"actions\"><a class=\"button\" href=\"/dashboard/communes.csv?").Append(E(filter.Query(("flow", flow)))).Append("\" download>")
            .Append(T(http, "Tải CSV", "Download CSV")).Append("</a></p>");
        if (shown.Count == 0)
        {
            html.Append("<p id=\"no-commune-shown\">").Append(E(T(http, $"Chưa có xã, phường nào đủ {min} lượt trong kỳ này để hiển thị.",
                $"No commune has the {min} runs needed to be shown in this period."))).Append("</p>");
        }
        else
        {
            html.Append("<section class=\"card\" aria-labelledby=\"communes-chart-title\"><h2 id=\"communes-chart-title\">")
                .Append(T(http, "Tỉ lệ hoàn thành theo xã, phường", "Completion by commune")).Append("</h2>")
                .Append("<div class=\"chart funnel\" data-rows=\"").Append(shown.Count).Append("\"><canvas data-chart=\"chart-communes\" role=\"img\" aria-label=\"")
                .Append(T(http, "Tỉ lệ hoàn thành của từng xã, phường, cao nhất ở trên; số liệu ở bảng bên dưới", "Each commune's completion rate, highest first; the numbers are in the table below"))
                .Append("\"></canvas></div>")
                .Append(ChartData("chart-communes", new
                {
                    type = "bar",
                    horizontal = true,
                    labels = shown.Select(c => c.Name),
                    datasets = new[] { new { label = T(http, "Tỉ lệ hoàn thành (%)", "Completion (%)"), data = shown.Select(c => Math.Round((c.Conversion ?? 0) * 100, 1)), color = "#1d7a3e" } },
                }))
                .Append("</section><section class=\"card\"><table id=\"communes\"><thead><tr>");
            foreach (var (vi, en) in new[]
            {
                ("Hạng", "Rank"), ("Xã, phường", "Commune"), ("Bắt đầu", "Started"), ("Hoàn thành", "Completed"), ("Bỏ dở", "Abandoned"),
                ("Tự dừng", "Cancelled"), ("Gặp cán bộ", "Handed off"), ("Tỉ lệ hoàn thành", "Conversion"),
            })
            {
                html.Append("<th scope=\"col\">").Append(T(http, vi, en)).Append("</th>");
            }
            html.Append("</tr></thead><tbody>");
            for (var i = 0; i < shown.Count; i++)
            {
                var c = shown[i];
                html.Append("<tr data-commune=\"").Append(E(c.Id)).Append("\"><td>").Append(i + 1).Append("</td><th scope=\"row\" class=\"text\">").Append(E(c.Name))
                    .Append("</th><td>").Append(C(c.Runs.Started)).Append("</td><td>").Append(C(c.Runs.Completed)).Append("</td><td>").Append(C(c.Runs.Abandoned))
                    .Append("</td><td>").Append(C(c.Runs.Cancelled)).Append("</td><td>").Append(C(c.Runs.HandedOff)).Append("</td><td>").Append(P(c.Conversion)).Append("</td></tr>");
            }
            html.Append("</tbody></table></section>");
        }
        html.Append("<section class=\"card\"><h2 id=\"communes-hidden-title\">")
            .Append(E(T(http, $"{hidden.Count} xã, phường ghi \"< {min}\"", $"{hidden.Count} communes read \"< {min}\"")))
            .Append("</h2><details><summary>").Append(T(http, "Xem tên", "Show their names")).Append("</summary><p id=\"communes-hidden\" class=\"text\">")
            .Append(E(string.Join(", ", hidden.Select(c => c.Name)))).Append("</p></details></section>");
        return Html(Page(http, T(http, "Theo xã/phường", "By commune"), "communes", html.ToString()));
    }

    public static async Task<IResult> CsvAsync(HttpContext http, CommuneQuery query, ContentProvider content, CancellationToken cancellationToken)
    {
        var (filter, flow) = Read(http, content);
        var report = await query.CommunesAsync(flow, filter.Analytics, cancellationToken);
        return AnalyticsCsv.File(AnalyticsCsv.Communes(report), flow is null ? "communes.csv" : $"communes-{flow}.csv");
    }

    /// <summary>The period and channel; the procedure when the content has it (anything else shows all procedures).</summary>
    private static (DashboardFilter Filter, string? Flow) Read(HttpContext http, ContentProvider content)
    {
        var filter = DashboardFilter.Read(http) with { Version = null, Language = null };
        var flow = http.Request.Query["flow"].ToString() is { Length: > 0 } id && content.Current.Find(id) is not null ? id : null;
        return (filter, flow);
    }

    /// <summary>A count, or "&lt; N" where the small-number rule hides it.</summary>
    private static string C(SmallCount count) => count.Value is { } value ? N(value) : E(count.ToString());
}
