using System.Text;
using GuidanceBot.Analytics;
using GuidanceBot.Content;
using GuidanceBot.Web.Analytics;
using static GuidanceBot.Web.Dashboard.DashboardLayout;

namespace GuidanceBot.Web.Dashboard;

/// <summary>
/// <c>/dashboard/not-understood</c>: what citizens wrote that the bot did not understand (redacted when stored), most frequent
/// first, with the closest procedures the bot offered — the list staff use to add utterances to <c>dialogs/</c>.
/// </summary>
public static class NotUnderstoodPage
{
    private const int Limit = 200;

    public static async Task<IResult> RenderAsync(HttpContext http, FunnelQuery query, ContentProvider content, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Read(http) with { Version = null };
        var texts = await query.NotUnderstoodOffersAsync(filter.Analytics, Limit, cancellationToken);
        var catalog = content.Current;
        var html = new StringBuilder();
        html.Append("<form method=\"get\" action=\"/dashboard/not-understood\" class=\"filters\" aria-label=\"").Append(T(http, "Bộ lọc", "Filters")).Append("\">")
            .Append(PeriodInputs(http, filter))
            .Append("<p><label for=\"channel\">").Append(T(http, "Kênh", "Channel")).Append("</label><select id=\"channel\" name=\"channel\">");
        Option(html, "", T(http, "Tất cả", "All"), filter.Channel ?? "");
        foreach (var channel in new[] { "webchat", "directline", "zalo", "emulator" })
        {
            Option(html, channel, channel, filter.Channel ?? "");
        }
        html.Append("</select></p><p><label for=\"language\">").Append(T(http, "Ngôn ngữ", "Language")).Append("</label><select id=\"language\" name=\"language\">");
        Option(html, "", T(http, "Tất cả", "All"), filter.Language ?? "");
        Option(html, "vi", "Tiếng Việt", filter.Language ?? "");
        Option(html, "en", "English", filter.Language ?? "");
        html.Append("</select></p><p><button type=\"submit\">").Append(T(http, "Xem", "Show")).Append("</button></p></form>")
            .Append("<p class=\"note\">").Append(T(http,
                "Số điện thoại, số CCCD và thông tin cá nhân khác đã được che trước khi lưu. Thêm các câu hay gặp vào phần utterances của thủ tục phù hợp trong dialogs/.",
                "Phone numbers, ID numbers and other personal data were masked before storing. Add frequent texts to the utterances of the right procedure in dialogs/."))
            .Append("</p><p class=\"actions\"><a class=\"button\" href=\"/dashboard/not-understood.csv?").Append(E(filter.Query())).Append("\" download>")
            .Append(T(http, "Tải CSV", "Download CSV")).Append("</a></p>");
        if (texts.Count == 0)
        {
            html.Append("<p>").Append(T(http, "Không có câu nào trong kỳ này.", "Nothing in this period.")).Append("</p>");
        }
        else
        {
            html.Append("<section class=\"card\"><table id=\"not-understood\"><thead><tr><th scope=\"col\">").Append(T(http, "Câu người dân viết", "What citizens wrote"))
                .Append("</th><th scope=\"col\">").Append(T(http, "Số lần", "Times")).Append("</th><th scope=\"col\" class=\"text\">")
                .Append(T(http, "Bot đã gợi ý", "The bot offered")).Append("</th><th scope=\"col\" class=\"text\">").Append(T(http, "Viết khi đang ở thủ tục", "Written inside"))
                .Append("</th></tr></thead><tbody>");
            foreach (var t in texts)
            {
                html.Append("<tr><td class=\"text\">").Append(E(t.Text)).Append("</td><td>").Append(N(t.Count)).Append("</td><td class=\"text\">")
                    .Append(FlowLinks(http, catalog, filter, t.Offered)).Append("</td><td class=\"text\">").Append(FlowLinks(http, catalog, filter, t.InFlows)).Append("</td></tr>");
            }
            html.Append("</tbody></table></section>");
        }
        return Html(Page(http, T(http, "Câu bot chưa hiểu", "Not understood"), "not-understood", html.ToString()));
    }

    public static async Task<IResult> CsvAsync(HttpContext http, FunnelQuery query, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.Read(http) with { Version = null };
        var texts = await query.NotUnderstoodOffersAsync(filter.Analytics, Limit, cancellationToken);
        return AnalyticsCsv.File(AnalyticsCsv.Texts(texts.Select(t => new TextCount(t.Text, t.Count)).ToList()), "not-understood.csv");
    }

    private static string FlowLinks(HttpContext http, FlowCatalog catalog, DashboardFilter filter, IReadOnlyList<string> flows) =>
        string.Join(", ", flows.Select(id =>
            $"<a href=\"/dashboard/funnel?{E(filter.Query(("flow", id)))}\">{E(catalog.Find(id)?.Title.For(Lang(http)) ?? id)}</a>"));
}
