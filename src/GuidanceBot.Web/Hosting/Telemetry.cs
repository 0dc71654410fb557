using System.Diagnostics;
using Azure.Monitor.OpenTelemetry.Exporter;
using GuidanceBot.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GuidanceBot.Web.Hosting;

/// <summary>
/// OpenTelemetry metrics and traces: the bot's own (<see cref="GuidanceBotMetrics"/>, one span per turn), ASP.NET Core's,
/// outgoing HTTP and the runtime's. Always scrapeable at <c>/metrics</c> (Prometheus text); also pushed by OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set and to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is.
/// Spans carry route templates, never paths with conversation ids or query strings.
/// </summary>
public static class Telemetry
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IServiceCollection AddGuidanceBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);
        var appInsights = configuration[ApplicationInsightsSetting] is { Length: > 0 } connectionString ? connectionString : null;
        services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService("guidancebot");
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GuidanceBotMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
                if (appInsights is not null)
                {
                    metrics.AddAzureMonitorMetricExporter(o => o.ConnectionString = appInsights);
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(GuidanceBotTracing.SourceName)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        o.Filter = http => http.Request.Path.Value is not ("/metrics" or "/healthz" or "/readyz");
                        o.EnrichWithHttpResponse = (span, response) =>
                        {
                            if ((response.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } route)
                            {
                                span.SetTag("url.path", route);
                            }
                            else
                            {
                                span.SetTag("url.path", null);
                            }
                        };
                    })
                    .AddHttpClientInstrumentation(o =>
                        o.EnrichWithHttpRequestMessage = (span, request) => span.SetTag("url.full", Redact(request.RequestUri)));
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
                if (appInsights is not null)
                {
                    tracing.AddAzureMonitorTraceExporter(o => o.ConnectionString = appInsights);
                }
            });
        return services;
    }

    /// <summary>
    /// An outgoing URL as a span may show it: no query, and the segment after <c>conversations</c> or <c>activities</c>
    /// (Bot Connector: <c>/v3/conversations/{id}/activities/{id}</c>) replaced by a placeholder.
    /// </summary>
    public static string? Redact(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return null;
        }
        var segments = uri.AbsolutePath.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i - 1] is "conversations" or "activities" && segments[i].Length > 0)
            {
                segments[i] = "{id}";
            }
        }
        return $"{uri.Scheme}://{uri.Authority}{string.Join('/', segments)}";
    }
}
