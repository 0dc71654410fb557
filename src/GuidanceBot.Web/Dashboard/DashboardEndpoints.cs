using GuidanceBot.Web.Dashboard.Pages;
using GuidanceBot.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;

namespace GuidanceBot.Web.Dashboard;

/// <summary>
/// <c>/dashboard/*</c>: the staff dashboard, Razor components rendered on the server. Sign-in is the only page open to
/// everyone; every other page needs a staff session, account and API key management needs the admin role, and every form
/// post needs a valid antiforgery token.
/// </summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var dashboard = app.MapGroup("/dashboard");
        dashboard.MapGet("/sign-in", SignInPage.Show);
        dashboard.MapPost("/sign-in", SignInPage.SubmitAsync).AddEndpointFilter(RequireCsrf);
        dashboard.MapPost("/sign-out", SignInPage.SignOutAsync).AddEndpointFilter(RequireCsrf);
        dashboard.MapPost("/language", SwitchLanguageAsync).AddEndpointFilter(RequireCsrf);

        var staff = dashboard.MapGroup("").RequireAuthorization();
        staff.MapGet("", OverviewPage.RenderAsync);
        staff.MapGet("/funnel", FunnelPage.RenderAsync);
        staff.MapGet("/funnel.csv", FunnelPage.CsvAsync);
        staff.MapGet("/not-understood", NotUnderstoodPage.RenderAsync);
        staff.MapGet("/not-understood.csv", NotUnderstoodPage.CsvAsync);
        staff.MapGet("/communes", CommunesPage.RenderAsync);
        staff.MapGet("/communes.csv", CommunesPage.CsvAsync);
        staff.MapGet("/report", ReportPage.RenderAsync);
        staff.MapGet("/report.csv", ReportPage.CsvAsync);

        var admin = dashboard.MapGroup("/accounts").RequireAuthorization(DashboardServices.AdminPolicy);
        admin.MapGet("", AccountsPage.RenderAsync);
        admin.MapPost("/add", AccountsPage.AddAsync).AddEndpointFilter(RequireCsrf);
        admin.MapPost("/remove", AccountsPage.RemoveAsync).AddEndpointFilter(RequireCsrf);
        admin.MapPost("/api-keys/create", ApiKeyActions.CreateAsync).AddEndpointFilter(RequireCsrf);
        admin.MapPost("/api-keys/revoke", ApiKeyActions.RevokeAsync).AddEndpointFilter(RequireCsrf);
        return app;
    }

    /// <summary>Refuses a form post whose antiforgery token is missing or does not match the cookie and the signed-in user.</summary>
    private static async ValueTask<object?> RequireCsrf(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return MessagePage.For("FormExpired", "FormExpiredText", StatusCodes.Status400BadRequest);
        }
        return await next(context);
    }

    private static async Task<IResult> SwitchLanguageAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var language = form["language"] == "en" ? "en" : "vi";
        http.Response.Cookies.Append(PageLanguage.Cookie, language, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
            Path = "/dashboard",
        });
        return TypedResults.Redirect(LocalDashboardUrl(form["returnUrl"]));
    }

    /// <summary>The URL when it is a dashboard path on this host, else the overview (no open redirects).</summary>
    public static string LocalDashboardUrl(string? url) =>
        url is { Length: > 0 } u && u.StartsWith("/dashboard", StringComparison.Ordinal) && !u.Contains('\\') && !u.Contains("//", StringComparison.Ordinal)
            ? u
            : "/dashboard";
}
