using System.Net;

namespace GuidanceBot.Web.Hosting;

/// <summary>Settings under <c>GuidanceBot:Hosting</c>: which reverse proxies are trusted, how the host shuts down, how often queues are counted.</summary>
public sealed class HostingOptions
{
    public const string Section = "GuidanceBot:Hosting";

    /// <summary>
    /// Addresses of reverse proxies (nginx, a load balancer) whose <c>X-Forwarded-For/-Proto/-Host</c> are believed.
    /// Empty (the default): no forwarded header is believed, and a request that carries one is not a local caller.
    /// Entries may also be comma-separated lists, for one environment variable.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. <c>10.0.0.0/8</c> or <c>fd00::/8</c> (container networks).</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>After SIGTERM, how long turns already running may take to finish while new ones get 503.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>The <c>Retry-After</c> a refused turn gets while the host shuts down (another instance will take it).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the durable queues are counted for the <c>guidancebot.queue.depth</c> metric (one small query per queue).</summary>
    public TimeSpan QueueDepthEvery { get; set; } = TimeSpan.FromSeconds(15);

    public IEnumerable<string> ProxyEntries => Split(KnownProxies);

    public IEnumerable<string> NetworkEntries => Split(KnownNetworks);

    public bool TrustsProxies => ProxyEntries.Any() || NetworkEntries.Any();

    /// <summary>What is wrong with these settings, naming the setting and the entry; null when nothing is.</summary>
    public string? Problem()
    {
        if (ProxyEntries.FirstOrDefault(p => !IPAddress.TryParse(p, out _)) is { } proxy)
        {
            return $"{Section}:KnownProxies must list IP addresses (e.g. 127.0.0.1); '{proxy}' is not one.";
        }
        if (NetworkEntries.FirstOrDefault(n => !IPNetwork.TryParse(n, out _)) is { } network)
        {
            return $"{Section}:KnownNetworks must list networks in CIDR form (e.g. 172.16.0.0/12); '{network}' is not one.";
        }
        return DrainTimeout > TimeSpan.Zero && RetryAfter > TimeSpan.Zero && QueueDepthEvery > TimeSpan.Zero
            ? null
            : $"{Section}:DrainTimeout, RetryAfter and QueueDepthEvery must be positive time spans, e.g. 00:00:25.";
    }

    private static IEnumerable<string> Split(IEnumerable<string> entries) =>
        entries.SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
