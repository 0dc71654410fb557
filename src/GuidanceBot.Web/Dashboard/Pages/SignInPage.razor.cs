using System.Security.Claims;
using GuidanceBot.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace GuidanceBot.Web.Dashboard.Pages;

/// <summary>The sign-in form, its post (with lock-out answers) and sign-out.</summary>
public sealed partial class SignInPage
{
    public static IResult Show(HttpContext http, string? returnUrl) =>
        http.User.Identity?.IsAuthenticated == true
            ? TypedResults.Redirect(DashboardEndpoints.LocalDashboardUrl(returnUrl))
            : Form(returnUrl, name: "", error: null, StatusCodes.Status200OK);

    public static async Task<IResult> SubmitAsync(HttpContext http, StaffAccounts accounts, IStringLocalizer<DashboardText> text, ILogger<StaffAccounts> log)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var name = form["name"].ToString().Trim();
        var password = form["password"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        var result = name.Length is 0 or > 64 || password.Length == 0
            ? new SignInResult(SignInOutcome.WrongNameOrPassword)
            : await accounts.SignInAsync(name, password, http.RequestAborted);
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                var identity = new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, result.Name!), new Claim(ClaimTypes.Role, result.Role!)],
                    CookieAuthenticationDefaults.AuthenticationScheme);
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
                log.LogInformation("Staff {Name} signed in to the dashboard", result.Name);
                return TypedResults.Redirect(DashboardEndpoints.LocalDashboardUrl(returnUrl));
            case SignInOutcome.Locked:
                log.LogWarning("Dashboard sign-in refused: account locked until {Until}", result.LockedUntil);
                var minutes = Math.Max(1, (int)Math.Ceiling(StaffAccounts.LockOutFor.TotalMinutes));
                return Form(returnUrl, name, text["AccountLocked", minutes], StatusCodes.Status423Locked);
            default:
                return Form(returnUrl, name, text["WrongNameOrPassword"], StatusCodes.Status401Unauthorized);
        }
    }

    public static async Task<IResult> SignOutAsync(HttpContext http, ILogger<StaffAccounts> log)
    {
        log.LogInformation("Staff {Name} signed out of the dashboard", http.User.Identity?.Name);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect("/dashboard/sign-in");
    }

    private static IResult Form(string? returnUrl, string name, string? error, int status) =>
        new Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<SignInPage>(new { ReturnUrl = returnUrl, Name = name, Error = error }) { StatusCode = status };
}
