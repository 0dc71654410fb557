using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using GuidanceBot.Analytics;
using GuidanceBot.Staff;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Dashboard;

/// <summary>The dashboard's page shell (skip link, navigation, language switch, sign-out) and the small HTML pieces pages share.</summary>
public static class DashboardLayout
{
    public const string LanguageCookie = "gb.lang";

    /// <summary>"vi" unless the staff member switched to English.</summary>
    public static string Lang(HttpContext http) => http.Request.Cookies[LanguageCookie] == "en" ? "en" : "vi";

    public static string T(HttpContext http, string vi, string en) => Lang(http) == "en" ? en : vi;

    /// <summary>HTML-encodes text for element content and quoted attributes, leaving Vietnamese letters readable in the source.</summary>
    public static string E(string? text) => Encoder.Encode(text ?? "");

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string N(long value) => value.ToString("#,0", CultureInfo.GetCultureInfo("vi-VN"));

    public static string P(double? ratio) => ratio is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "–";

    public static string Seconds(HttpContext http, double? seconds) => seconds switch
    {
        null => "–",
        < 60 => $"{seconds:0} s",
        < 3600 => $"{Math.Floor(seconds.Value / 60):0} {T(http, "ph", "min")} {seconds.Value % 60:0} s",
        _ => (seconds.Value / 3600).ToString("0.#", CultureInfo.InvariantCulture) + " h",
    };

    /// <summary>A moment as staff read it, in the reporting day's offset (Vietnam time by default): 20/11/2026 09:05; "–" when none.</summary>
    public static string When(HttpContext http, DateTimeOffset? at) => at is { } t
        ? t.ToOffset(http.RequestServices.GetRequiredService<IOptions<AnalyticsOptions>>().Value.DayOffset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)
        : "–";

    /// <summary>A hidden antiforgery field for a form.</summary>
    public static string Csrf(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    /// <summary>Chart data for wwwroot/dashboard/dashboard.js, as a JSON block (HTML-safe: &lt; and &gt; are escaped by the serializer).</summary>
    public static string ChartData(string id, object chart) =>
        $"<script type=\"application/json\" id=\"{E(id)}\">{JsonSerializer.Serialize(chart, ChartJson)}</script>";

    private static readonly JsonSerializerOptions ChartJson = new(JsonSerializerDefaults.Web);

    public static string Page(HttpContext http, string title, string active, string body)
    {
        var user = http.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"").Append(Lang(http)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" · ").Append(T(http, "Bảng điều khiển GuidanceBot", "GuidanceBot dashboard")).Append("</title>")
            .Append("<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/dashboard/dashboard.css\">")
            .Append("<script src=\"/lib/chart.js/chart.umd.min.js\" defer></script><script src=\"/dashboard/dashboard.js\" defer></script>")
            .Append("</head><body>")
            .Append("<a class=\"skip\" href=\"#main\">").Append(T(http, "Bỏ qua, đến nội dung chính", "Skip to main content")).Append("</a>")
            .Append("<header class=\"top\"><span class=\"brand\">GuidanceBot</span>");
        if (signedIn)
        {
            html.Append("<nav aria-label=\"").Append(T(http, "Các trang", "Pages")).Append("\"><ul>");
            NavItem(html, http, active, "overview", "/dashboard", "Tổng quan", "Overview");
            NavItem(html, http, active, "funnel", "/dashboard/funnel", "Phễu thủ tục", "Flow funnel");
            NavItem(html, http, active, "not-understood", "/dashboard/not-understood", "Bot chưa hiểu", "Not understood");
            NavItem(html, http, active, "communes", "/dashboard/communes", "Theo xã/phường", "By commune");
            NavItem(html, http, active, "report", "/dashboard/report", "Báo cáo", "Report");
            if (user.IsInRole(StaffRoles.Admin))
            {
                NavItem(html, http, active, "accounts", "/dashboard/accounts", "Tài khoản", "Accounts");
            }
            html.Append("</ul></nav>");
        }
        html.Append("<div class=\"tools\">");
        var other = Lang(http) == "en" ? "vi" : "en";
        html.Append("<form method=\"post\" action=\"/dashboard/language\">").Append(Csrf(http))
            .Append("<input type=\"hidden\" name=\"language\" value=\"").Append(other).Append("\">")
            .Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(E(http.Request.Path + http.Request.QueryString)).Append("\">")
            .Append("<button type=\"submit\" lang=\"").Append(other).Append("\">").Append(other == "en" ? "English" : "Tiếng Việt").Append("</button></form>");
        if (signedIn)
        {
            html.Append("<span class=\"who\">").Append(E(user.Identity!.Name)).Append(" (").Append(E(user.FindFirstValue(ClaimTypes.Role))).Append(")</span>")
                .Append("<form method=\"post\" action=\"/dashboard/sign-out\">").Append(Csrf(http))
                .Append("<button type=\"submit\">").Append(T(http, "Đăng xuất", "Sign out")).Append("</button></form>");
        }
        html.Append("</div></header><main id=\"main\" tabindex=\"-1\"><h1>").Append(E(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        return html.ToString();
    }

    private static void NavItem(StringBuilder html, HttpContext http, string active, string key, string href, string vi, string en)
    {
        html.Append("<li><a href=\"").Append(href).Append('"').Append(active == key ? " aria-current=\"page\"" : "").Append('>')
            .Append(T(http, vi, en)).Append("</a></li>");
    }

    /// <summary>One headline figure; the id lets tests and staff tools find it.</summary>
    public static void Kpi(StringBuilder html, string id, string label, string value) =>
        html.Append("<div class=\"kpi\"><dt>").Append(E(label)).Append("</dt><dd id=\"").Append(id).Append("\">").Append(value).Append("</dd></div>");

    public static void Option(StringBuilder html, string value, string text, string selected) =>
        html.Append("<option value=\"").Append(E(value)).Append('"').Append(value == selected ? " selected" : "").Append('>').Append(E(text)).Append("</option>");

    /// <summary>The "from" and "to" date inputs of a filter form.</summary>
    public static string PeriodInputs(HttpContext http, DashboardFilter filter) => $"""
        <p><label for="from">{T(http, "Từ ngày", "From")}</label><input id="from" name="from" type="date" value="{DashboardFilter.Day(filter.From)}"></p>
        <p><label for="to">{T(http, "Đến ngày", "To")}</label><input id="to" name="to" type="date" value="{DashboardFilter.Day(filter.To)}"></p>
        """;

    /// <summary>A page with one short message (forbidden, bad request).</summary>
    public static string Message(HttpContext http, string titleVi, string titleEn, string textVi, string textEn) =>
        Page(http, T(http, titleVi, titleEn), "", $"<p>{E(T(http, textVi, textEn))}</p><p><a href=\"/dashboard\">{T(http, "Về trang tổng quan", "Back to the overview")}</a></p>");

    public static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    public static async Task WriteAsync(HttpContext http, int status, string html)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html);
    }
}
