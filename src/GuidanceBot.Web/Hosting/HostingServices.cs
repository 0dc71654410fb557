using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace GuidanceBot.Web.Hosting;

/// <summary>
/// What running in production needs around the bot: trusted reverse proxies, request logs without tokens, health
/// endpoints, metrics and traces, and a graceful shutdown that finishes the turns in flight.
/// </summary>
public static class HostingServices
{
    /// <summary>
    /// Log levels the host starts with, as the lowest configuration source (appsettings.json and <c>Logging__LogLevel__…</c>
    /// variables override them). ASP.NET Core's and HttpClient's own request lines print whole URLs, query strings with
    /// Direct Line stream tokens included, so they stay at Warning; <see cref="RequestLog"/> logs requests instead.
    /// </summary>
    private static readonly Dictionary<string, string?> LogDefaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        ["Logging:LogLevel:Polly"] = "Warning",
    };

    public static WebApplicationBuilder AddGuidanceBotHosting(this WebApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = LogDefaults });
        var services = builder.Services;
        services.AddOptions<HostingOptions>()
            .Bind(builder.Configuration.GetSection(HostingOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<HostingOptions>>(new OptionsProblem<HostingOptions>(o => o.Problem()));
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HostingOptions>>((forwarded, hosting) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the configured proxies: not even loopback by default, since nginx on this machine is loopback too.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in hosting.Value.ProxyEntries)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in hosting.Value.NetworkEntries)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        // The drain runs inside the host's shutdown time, so that must be longer.
        services.AddOptions<HostOptions>().Configure<IOptions<HostingOptions>>((host, hosting) =>
            host.ShutdownTimeout = hosting.Value.DrainTimeout + TimeSpan.FromSeconds(10));
        services.AddSingleton<TurnGate>();
        services.AddHostedService<ShutdownDrain>();
        services.AddHostedService<QueueDepthSampler>();
        services.AddGuidanceBotHealthChecks();
        services.AddGuidanceBotTelemetry(builder.Configuration);
        return builder;
    }

    /// <summary>Forwarded headers (first, when proxies are configured), the request log, <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>.</summary>
    public static WebApplication UseGuidanceBotHosting(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<HostingOptions>>().Value.TrustsProxies)
        {
            // With no known proxy the middleware would believe everyone, so it is only added when some are configured.
            app.UseForwardedHeaders();
        }
        app.UseMiddleware<RequestLog>();
        app.MapHealth();
        app.MapPrometheusScrapingEndpoint();
        return app;
    }

    /// <summary>
    /// A caller on this machine: a loopback address and no forwarded-for header left over. A proxy's header that the
    /// forwarded-headers step did not consume (its address is not configured) means the request came from elsewhere.
    /// </summary>
    public static bool IsLocalCaller(HttpContext http) =>
        (http.Connection.RemoteIpAddress is not { } address || IPAddress.IsLoopback(address))
        && !http.Request.Headers.ContainsKey("X-Forwarded-For")
        && !http.Request.Headers.ContainsKey("Forwarded");
}
