using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GuidanceBot.Staff;
using Microsoft.AspNetCore.DataProtection;
using static GuidanceBot.Web.Dashboard.DashboardLayout;

namespace GuidanceBot.Web.Dashboard;

/// <summary>
/// The API keys part of <c>/dashboard/accounts</c> (admins only): the keys tools use on <c>/api/analytics/*</c>, making one
/// (shown once, on the page the browser is sent to right after, and never again) and revoking one.
/// </summary>
public static class ApiKeysSection
{
    // Making a key answers with a redirect, so reloading the page cannot post the form again and make a second key. The new
    // key rides to that one page in a short-lived, encrypted, HttpOnly cookie that the page drops as it shows the key.
    private const string NewKeyCookie = "gb.newkey";
    private const string CookiePath = "/dashboard/accounts";
    private static readonly TimeSpan ShowWithin = TimeSpan.FromMinutes(5);

    public static async Task<IResult> CreateAsync(HttpContext http, StaffAccounts accounts, ApiKeys keys, ILogger<ApiKeys> log, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var name = form["name"].ToString().Trim();
        if (ApiKeys.CheckName(name) is not null)
        {
            return Html(await AccountsPage.RenderPageAsync(http, accounts, keys, null,
                T(http, $"Hãy đặt tên cho key (1–{ApiKeys.MaxNameLength} ký tự), ví dụ: công cụ báo cáo tháng.",
                    $"Give the key a name (1–{ApiKeys.MaxNameLength} characters), e.g. monthly report script."), cancellationToken),
                StatusCodes.Status400BadRequest);
        }
        var admin = http.User.Identity!.Name!;
        var created = await keys.CreateAsync(name, admin, cancellationToken);
        log.LogInformation("Staff {Admin} created API key {KeyId} ({Prefix}…)", admin, created.Key.Id, created.Key.Prefix);
        http.Response.Cookies.Append(NewKeyCookie, Protector(http).Protect($"{admin}\n{created.Key.Id}\n{created.Secret}", ShowWithin), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = CookiePath,
            MaxAge = ShowWithin,
        });
        return Results.Redirect(CookiePath);
    }

    /// <summary>The key made just before, when this browser carries it for the admin signed in; the cookie is dropped either way.</summary>
    public static CreatedApiKey? TakeCreated(HttpContext http, IReadOnlyList<ApiKey> keys)
    {
        if (http.Request.Cookies[NewKeyCookie] is not { } carried)
        {
            return null;
        }
        http.Response.Cookies.Delete(NewKeyCookie, new CookieOptions { Path = CookiePath, Secure = http.Request.IsHttps, HttpOnly = true, SameSite = SameSiteMode.Strict });
        string[] parts;
        try
        {
            parts = Protector(http).Unprotect(carried).Split('\n');
        }
        catch (CryptographicException)
        {
            return null; // expired, or sealed with a key this host does not have
        }
        return parts is [var admin, var idText, var secret]
            && admin == http.User.Identity?.Name
            && keys.FirstOrDefault(k => k.Id.ToString(CultureInfo.InvariantCulture) == idText) is { Revoked: false } key
            ? new CreatedApiKey(key, secret)
            : null;
    }

    private static ITimeLimitedDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector("GuidanceBot.Dashboard.NewApiKey").ToTimeLimitedDataProtector();

    public static async Task<IResult> RevokeAsync(HttpContext http, StaffAccounts accounts, ApiKeys keys, ILogger<ApiKeys> log, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var revoked = long.TryParse(form["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && await keys.RevokeAsync(id, http.User.Identity!.Name!, cancellationToken);
        log.LogInformation("Staff {Admin} revoked API key {KeyId}: {Revoked}", http.User.Identity!.Name, id, revoked);
        return Html(await AccountsPage.RenderPageAsync(http, accounts, keys,
                revoked ? T(http, "Đã thu hồi key. Công cụ dùng key này không truy cập được nữa.", "Key revoked. Tools using it are refused from now on.") : null,
                revoked ? null : T(http, "Không có key này, hoặc key đã bị thu hồi.", "There is no such key, or it was already revoked."), cancellationToken),
            revoked ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>The key just made, with the warning that this is the only time anyone sees it.</summary>
    public static void RenderCreated(StringBuilder html, HttpContext http, CreatedApiKey created)
    {
        html.Append("<section class=\"card new-key\" role=\"status\" aria-labelledby=\"new-key-title\"><h2 id=\"new-key-title\">")
            .Append(E(T(http, $"Đã tạo API key “{created.Key.Name}”", $"API key “{created.Key.Name}” created"))).Append("</h2>")
            .Append("<p><label for=\"new-api-key\">").Append(T(http, "Key (chỉ hiện lần này: hãy chép ngay và cất ở nơi an toàn)",
                "Key (shown this once: copy it now and keep it somewhere safe)")).Append("</label>")
            .Append("<input id=\"new-api-key\" readonly value=\"").Append(E(created.Secret)).Append("\" size=\"").Append(ApiKeys.KeyLength + 2)
            .Append("\" spellcheck=\"false\" autocomplete=\"off\"> <button type=\"button\" data-copy=\"new-api-key\" data-copied=\"")
            .Append(T(http, "Đã chép", "Copied")).Append("\">").Append(T(http, "Chép", "Copy")).Append("</button></p>")
            .Append("<p class=\"note\">").Append(T(http, "Công cụ gửi key trong header <code>Authorization: Bearer KEY</code> tới <code>/api/analytics/…</code>. " +
                "Máy chủ chỉ giữ mã băm của key nên không ai xem lại được; nếu mất key, hãy thu hồi và tạo key mới.",
                "Tools send it as <code>Authorization: Bearer KEY</code> to <code>/api/analytics/…</code>. " +
                "The server keeps only a hash of it, so nobody can see it again; if it is lost, revoke it and make a new one.")).Append("</p></section>");
    }

    /// <summary>The list of keys with a revoke button per key in use, and the form that makes one.</summary>
    public static void Render(StringBuilder html, HttpContext http, IReadOnlyList<ApiKey> keys)
    {
        html.Append("<section class=\"card\"><h2 id=\"api-keys-title\">").Append(T(http, "API key cho công cụ", "API keys for tools")).Append("</h2>");
        if (keys.Count == 0)
        {
            html.Append("<p id=\"api-keys-none\">").Append(T(http, "Chưa có key nào được tạo ở đây.", "No key has been made here yet.")).Append("</p>");
        }
        else
        {
            html.Append("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"api-keys-title\"><table id=\"api-keys\"><thead><tr><th scope=\"col\">")
                .Append(T(http, "Tên", "Name")).Append("</th><th scope=\"col\">").Append(T(http, "Bắt đầu bằng", "Starts with")).Append("</th><th scope=\"col\">")
                .Append(T(http, "Người tạo", "Created by")).Append("</th><th scope=\"col\">").Append(T(http, "Tạo lúc", "Created")).Append("</th><th scope=\"col\">")
                .Append(T(http, "Dùng lần cuối", "Last used")).Append("</th><th scope=\"col\">").Append(T(http, "Trạng thái", "Status"))
                .Append("</th><th scope=\"col\"><span class=\"visually-hidden\">").Append(T(http, "Thao tác", "Actions")).Append("</span></th></tr></thead><tbody>");
            foreach (var key in keys)
            {
                html.Append("<tr data-key-id=\"").Append(key.Id).Append("\"><th scope=\"row\">").Append(E(key.Name)).Append("</th><td><code>").Append(E(key.Prefix))
                    .Append("…</code></td><td>").Append(E(key.CreatedBy)).Append("</td><td>").Append(When(http, key.CreatedAt)).Append("</td><td>")
                    .Append(key.LastUsedAt is null ? T(http, "Chưa dùng", "Never") : When(http, key.LastUsedAt)).Append("</td><td>");
                if (key.Revoked)
                {
                    html.Append(E(T(http, $"Đã thu hồi {When(http, key.RevokedAt)} ({key.RevokedBy})", $"Revoked {When(http, key.RevokedAt)} ({key.RevokedBy})")));
                }
                else
                {
                    html.Append(T(http, "Đang dùng", "Active"));
                }
                html.Append("</td><td>");
                if (!key.Revoked)
                {
                    html.Append("<form method=\"post\" action=\"/dashboard/accounts/api-keys/revoke\">").Append(Csrf(http))
                        .Append("<input type=\"hidden\" name=\"id\" value=\"").Append(key.Id).Append("\"><button type=\"submit\" class=\"danger\" aria-label=\"")
                        .Append(E(T(http, $"Thu hồi key {key.Name}", $"Revoke key {key.Name}"))).Append("\">").Append(T(http, "Thu hồi", "Revoke")).Append("</button></form>");
                }
                html.Append("</td></tr>");
            }
            html.Append("</tbody></table></div>");
        }
        html.Append("<form method=\"post\" action=\"/dashboard/accounts/api-keys/create\" class=\"filters\">").Append(Csrf(http))
            .Append("<p><label for=\"new-key-name\">").Append(T(http, "Tên key (ai hoặc công cụ nào dùng)", "Key name (who or what uses it)"))
            .Append("</label><input id=\"new-key-name\" name=\"name\" required maxlength=\"").Append(ApiKeys.MaxNameLength).Append("\" autocomplete=\"off\"></p>")
            .Append("<p><button type=\"submit\" class=\"primary\">").Append(T(http, "Tạo API key", "Create API key")).Append("</button></p></form>")
            .Append("<p class=\"note\">").Append(T(http,
                "Key được tạo ngẫu nhiên và chỉ hiện một lần. Thu hồi có hiệu lực ngay. Key trong cấu hình GuidanceBot:Analytics:ApiKeys vẫn dùng được và không hiện ở đây.",
                "Keys are random and shown once. Revoking takes effect at once. Keys in the GuidanceBot:Analytics:ApiKeys setting still work and are not listed here."))
            .Append("</p></section>");
    }
}
