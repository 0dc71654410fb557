namespace GuidanceBot.Web.Dashboard;

/// <summary>
/// Content-Security-Policy and the usual hardening headers on every dashboard response (pages, sign-in, assets, errors).
/// The pages have no inline script or style, so the policy allows only this host's files; chart data travels in
/// <c>&lt;script type="application/json"&gt;</c> blocks, which are never executed.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static bool Covers(PathString path) =>
        path.StartsWithSegments("/dashboard") || path.StartsWithSegments("/lib/chart.js");

    public Task InvokeAsync(HttpContext context)
    {
        if (Covers(context.Request.Path))
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = Policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Cross-Origin-Resource-Policy"] = "same-origin";
                if (context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = "max-age=31536000";
                }
                if (Path.GetExtension(context.Request.Path.Value) is not (".css" or ".js"))
                {
                    // Pages carry citizens' aggregate data and CSRF tokens: never keep them in a shared or back-button cache.
                    headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}
