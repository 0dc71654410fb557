using System.Security.Claims;
using GuidanceBot.Web.Dashboard.Pages;
using GuidanceBot.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace GuidanceBot.Web.Dashboard;

/// <summary>Staff sign-in for the dashboard: cookie authentication checked against the staff table on every request, roles, antiforgery; the API keys admins manage.</summary>
public static class DashboardServices
{
    public const string AdminPolicy = "dashboard-admin";
    public const string SessionCookie = "gb.staff";
    public const string CsrfCookie = "gb.csrf";
    public const string CsrfField = "__csrf";

    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddStaffAccounts();
        services.AddApiKeys();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = SessionCookie;
                o.Cookie.HttpOnly = true;
                // Strict: the session cookie never rides on a request started from another site (a second line behind the CSRF tokens).
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.Path = "/";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = "/dashboard/sign-in";
                o.LogoutPath = "/dashboard/sign-out";
                o.ReturnUrlParameter = "returnUrl";
                o.Events.OnRedirectToAccessDenied = context =>
                    MessagePage.For("NoAccess", "NoAccessText", StatusCodes.Status403Forbidden).ExecuteAsync(context.HttpContext);
                // A removed account or a changed role ends the session at the next request.
                o.Events.OnValidatePrincipal = async context =>
                {
                    var name = context.Principal?.Identity?.Name;
                    var role = context.Principal?.FindFirstValue(ClaimTypes.Role);
                    var accounts = context.HttpContext.RequestServices.GetRequiredService<StaffAccounts>();
                    if (name is null || await accounts.RoleOfAsync(name, context.HttpContext.RequestAborted) != role)
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = CsrfCookie;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.FormFieldName = CsrfField;
            // SecurityHeaders sends X-Frame-Options: DENY on every dashboard response.
            o.SuppressXFrameOptionsHeader = true;
        });
        return services;
    }

    /// <summary>Security headers for dashboard responses, then authentication and authorization.</summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
