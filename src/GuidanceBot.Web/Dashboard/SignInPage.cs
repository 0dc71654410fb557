using System.Security.Claims;
using GuidanceBot.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using static GuidanceBot.Web.Dashboard.DashboardLayout;

namespace GuidanceBot.Web.Dashboard;

/// <summary>The sign-in form, its post (with lock-out answers) and sign-out.</summary>
public static class SignInPage
{
    public static IResult Show(HttpContext http, string? returnUrl) =>
        http.User.Identity?.IsAuthenticated == true
            ? Results.Redirect(DashboardEndpoints.LocalDashboardUrl(returnUrl))
            : Html(Render(http, returnUrl, error: null, name: ""));

    public static async Task<IResult> SubmitAsync(HttpContext http, StaffAccounts accounts, ILogger<StaffAccounts> log)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var name = form["name"].ToString().Trim();
        var password = form["password"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        // Every attempt, even with an empty field, goes through the same hash check: no failure answers faster than another.
        var result = await accounts.SignInAsync(name, password, http.RequestAborted);
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                var identity = new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, result.Name!), new Claim(ClaimTypes.Role, result.Role!)],
                    CookieAuthenticationDefaults.AuthenticationScheme);
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
                log.LogInformation("Staff {Name} signed in to the dashboard", result.Name);
                return Results.Redirect(DashboardEndpoints.LocalDashboardUrl(returnUrl));
            default:
                // A locked account, an unknown name and a wrong password get one answer: which it was would tell an
                // attacker which names exist. The log says it, for the administrator.
                if (result.Outcome == SignInOutcome.Locked)
                {
                    log.LogWarning("Dashboard sign-in refused: account locked until {Until}", result.LockedUntil);
                }
                var minutes = Math.Max(1, (int)Math.Ceiling(StaffAccounts.LockOutFor.TotalMinutes));
                return Html(Render(http, returnUrl, T(http,
                    $"Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khoá vì nhập sai nhiều lần (thử lại sau {minutes} phút hoặc liên hệ quản trị viên).",
                    $"Wrong name or password, or the account is locked after too many wrong passwords (try again in {minutes} minutes or ask an administrator)."), name),
                    StatusCodes.Status401Unauthorized);
        }
    }

    public static async Task<IResult> SignOutAsync(HttpContext http, ILogger<StaffAccounts> log)
    {
        log.LogInformation("Staff {Name} signed out of the dashboard", http.User.Identity?.Name);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/dashboard/sign-in");
    }

    private static string Render(HttpContext http, string? returnUrl, string? error, string name)
    {
        var body = $"""
            <form method="post" action="/dashboard/sign-in" class="card narrow"{(error is null ? "" : " aria-describedby=\"sign-in-error\"")}>
            {Csrf(http)}
            <input type="hidden" name="returnUrl" value="{E(DashboardEndpoints.LocalDashboardUrl(returnUrl))}">
            {(error is null ? "" : $"<p id=\"sign-in-error\" class=\"error\" role=\"alert\">{E(error)}</p>")}
            <p><label for="name">{T(http, "Tên đăng nhập", "User name")}</label>
            <input id="name" name="name" autocomplete="username" required maxlength="64" value="{E(name)}" autofocus></p>
            <p><label for="password">{T(http, "Mật khẩu", "Password")}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required></p>
            <p><button type="submit" class="primary">{T(http, "Đăng nhập", "Sign in")}</button></p>
            </form>
            """;
        return Page(http, T(http, "Đăng nhập cán bộ", "Staff sign-in"), "", body);
    }
}
