using System.Diagnostics;

namespace GuidanceBot.Web.Hosting;

/// <summary>
/// One log line per request with the route template instead of the URL: no query string (Direct Line stream tokens
/// travel in <c>?t=</c>), no conversation id. Replaces ASP.NET Core's own request lines, which print the full URL and
/// are therefore turned down to Warning by default. Health probes and scrapes log at Debug.
/// </summary>
public sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            var milliseconds = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
            if (route is "/healthz" or "/readyz" or "/metrics")
            {
                LogProbe(http.Request.Method, route, http.Response.StatusCode, milliseconds);
            }
            else
            {
                // Without an endpoint (static files, 404s) the path is all there is; it never includes the query.
                Log(http.Request.Method, route ?? http.Request.Path.Value ?? "/", http.Response.StatusCode, milliseconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Route} answered {StatusCode} in {Milliseconds} ms")]
    private partial void Log(string method, string route, int statusCode, double milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Route} answered {StatusCode} in {Milliseconds} ms")]
    private partial void LogProbe(string method, string route, int statusCode, double milliseconds);
}
