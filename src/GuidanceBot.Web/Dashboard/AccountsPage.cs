using System.Text;
using GuidanceBot.Staff;
using static GuidanceBot.Web.Dashboard.DashboardLayout;

namespace GuidanceBot.Web.Dashboard;

/// <summary>
/// <c>/dashboard/accounts</c> (admins only): the staff accounts, adding one or resetting its password, removing one;
/// below them the API keys for tools (<see cref="ApiKeysSection"/>).
/// </summary>
public static class AccountsPage
{
    public static async Task<IResult> RenderAsync(HttpContext http, StaffAccounts accounts, ApiKeys keys, CancellationToken cancellationToken) =>
        Html(await RenderPageAsync(http, accounts, keys, message: null, error: null, cancellationToken));

    public static async Task<IResult> AddAsync(HttpContext http, StaffAccounts accounts, ApiKeys keys, ILogger<StaffAccounts> log, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var name = form["name"].ToString().Trim();
        var role = form["role"].ToString();
        var password = form["password"].ToString();
        var error = StaffAccounts.CheckName(name) ?? (StaffRoles.IsKnown(role) ? null : "The role is viewer or admin.") ?? StaffAccounts.CheckPassword(password);
        if (error is not null)
        {
            return Html(await RenderPageAsync(http, accounts, keys, null, error, cancellationToken), StatusCodes.Status400BadRequest);
        }
        var added = await accounts.AddOrResetAsync(name, role, password, cancellationToken);
        log.LogInformation("Staff {Admin} {Action} dashboard account {Name} ({Role})", http.User.Identity!.Name, added ? "added" : "reset", name, role);
        return Html(await RenderPageAsync(http, accounts, keys,
            added ? T(http, $"Đã thêm tài khoản {name}.", $"Added {name}.") : T(http, $"Đã đặt lại mật khẩu và vai trò của {name}.", $"Reset {name}'s password and role."),
            null, cancellationToken));
    }

    public static async Task<IResult> RemoveAsync(HttpContext http, StaffAccounts accounts, ApiKeys keys, ILogger<StaffAccounts> log, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var name = form["name"].ToString();
        if (string.Equals(name, http.User.Identity!.Name, StringComparison.OrdinalIgnoreCase))
        {
            return Html(await RenderPageAsync(http, accounts, keys, null,
                T(http, "Không thể tự xoá tài khoản đang đăng nhập.", "You cannot remove the account you are signed in with."), cancellationToken), StatusCodes.Status400BadRequest);
        }
        var removed = await accounts.RemoveAsync(name, cancellationToken);
        log.LogInformation("Staff {Admin} removed dashboard account {Name}: {Removed}", http.User.Identity!.Name, name, removed);
        return Html(await RenderPageAsync(http, accounts, keys, removed ? T(http, $"Đã xoá {name}.", $"Removed {name}.") : null,
            removed ? null : T(http, "Không có tài khoản này.", "There is no such account."), cancellationToken));
    }

    /// <summary>The whole page, with a message or an error on top and, right after one was made, the new API key (shown this once).</summary>
    internal static async Task<string> RenderPageAsync(HttpContext http, StaffAccounts accounts, ApiKeys keys, string? message, string? error,
        CancellationToken cancellationToken)
    {
        var list = await accounts.ListAsync(cancellationToken);
        var keyList = await keys.ListAsync(cancellationToken);
        var html = new StringBuilder();
        if (message is not null) html.Append("<p class=\"ok\" role=\"status\">").Append(E(message)).Append("</p>");
        if (error is not null) html.Append("<p class=\"error\" role=\"alert\">").Append(E(error)).Append("</p>");
        if (ApiKeysSection.TakeCreated(http, keyList) is { } created) ApiKeysSection.RenderCreated(html, http, created);
        html.Append("<section class=\"card\"><h2>").Append(T(http, "Tài khoản cán bộ", "Staff accounts")).Append("</h2><table id=\"accounts\"><thead><tr><th scope=\"col\">")
            .Append(T(http, "Tên", "Name")).Append("</th><th scope=\"col\">").Append(T(http, "Vai trò", "Role")).Append("</th><th scope=\"col\">")
            .Append(T(http, "Trạng thái", "Status")).Append("</th><th scope=\"col\"><span class=\"visually-hidden\">").Append(T(http, "Thao tác", "Actions"))
            .Append("</span></th></tr></thead><tbody>");
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var a in list)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(a.Name)).Append("</th><td>").Append(a.Role == StaffRoles.Admin ? T(http, "Quản trị", "Admin") : T(http, "Xem", "Viewer"))
                .Append("</td><td>").Append(a.LockedUntil > now ? T(http, "Tạm khoá", "Locked") : T(http, "Hoạt động", "Active")).Append("</td><td>");
            if (!string.Equals(a.Name, http.User.Identity!.Name, StringComparison.OrdinalIgnoreCase))
            {
                html.Append("<form method=\"post\" action=\"/dashboard/accounts/remove\">").Append(Csrf(http))
                    .Append("<input type=\"hidden\" name=\"name\" value=\"").Append(E(a.Name)).Append("\"><button type=\"submit\" class=\"danger\" aria-label=\"")
                    .Append(E(T(http, $"Xoá {a.Name}", $"Remove {a.Name}"))).Append("\">").Append(T(http, "Xoá", "Remove")).Append("</button></form>");
            }
            html.Append("</td></tr>");
        }
        html.Append("</tbody></table></section>");
        html.Append("<section class=\"card\"><h2>").Append(T(http, "Thêm tài khoản hoặc đặt lại mật khẩu", "Add an account or reset a password")).Append("</h2>")
            .Append("<form method=\"post\" action=\"/dashboard/accounts/add\" class=\"filters\">").Append(Csrf(http))
            .Append("<p><label for=\"new-name\">").Append(T(http, "Tên đăng nhập", "User name")).Append("</label><input id=\"new-name\" name=\"name\" required minlength=\"2\" maxlength=\"64\" autocomplete=\"off\"></p>")
            .Append("<p><label for=\"new-role\">").Append(T(http, "Vai trò", "Role")).Append("</label><select id=\"new-role\" name=\"role\">");
        Option(html, StaffRoles.Viewer, T(http, "Xem", "Viewer"), StaffRoles.Viewer);
        Option(html, StaffRoles.Admin, T(http, "Quản trị", "Admin"), StaffRoles.Viewer);
        html.Append("</select></p><p><label for=\"new-password\">").Append(T(http, $"Mật khẩu (ít nhất {StaffAccounts.MinPasswordLength} ký tự)", $"Password (at least {StaffAccounts.MinPasswordLength} characters)"))
            .Append("</label><input id=\"new-password\" name=\"password\" type=\"password\" required minlength=\"").Append(StaffAccounts.MinPasswordLength)
            .Append("\" autocomplete=\"new-password\"></p><p><button type=\"submit\" class=\"primary\">").Append(T(http, "Lưu", "Save")).Append("</button></p></form></section>");
        ApiKeysSection.Render(html, http, keyList);
        return Page(http, T(http, "Tài khoản", "Accounts"), "accounts", html.ToString());
    }
}
