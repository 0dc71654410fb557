using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GuidanceBot.Web.Hosting;

/// <summary>
/// <c>/healthz</c>: liveness, "ok" while the process serves requests (also while it drains). <c>/readyz</c>: every
/// health check tagged <see cref="ReadyTag"/> (content, accepting turns, Zalo token, storage), 200 when all are
/// healthy and 503 otherwise, with one JSON entry per check.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IHealthChecksBuilder AddGuidanceBotHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<ContentHealthCheck>("content", tags: [ReadyTag])
            .AddCheck<AcceptingTurnsHealthCheck>("accepting-turns", tags: [ReadyTag])
            .AddCheck<Channels.Zalo.ZaloTokenHealthCheck>("zalo", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(10));

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteJsonAsync,
        });
        return app;
    }

    /// <summary><c>{"status":"Unhealthy","checks":[{"name":"storage","status":"Unhealthy","description":"…","durationMs":3.1}]}</c>; exception texts stay in the log.</summary>
    private static async Task WriteJsonAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(http.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString());
            if (entry.Description is { } description)
            {
                json.WriteString("description", description);
            }
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }
}
