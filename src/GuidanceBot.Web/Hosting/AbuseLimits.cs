using System.Globalization;
using System.Threading.RateLimiting;
using GuidanceBot.Web.Channels.DirectLine;
using GuidanceBot.Web.Channels.Zalo;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Hosting;

/// <summary>
/// What an anonymous client on the internet can make the host do: request and form size limits on every endpoint,
/// unreadable requests answered with a 4xx (<see cref="BadRequestMapping"/>), and rate limits per client address (behind
/// the configured proxies) and per Direct Line conversation on the endpoints anyone can call, answered with <c>429</c>
/// and <c>Retry-After</c> (<see cref="AbuseLimitOptions"/>).
/// </summary>
public static class AbuseLimits
{
    /// <summary>The largest request body any endpoint reads; each endpoint has a smaller limit of its own (most 64 KB).</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    private const string DirectLine = DirectLineEndpoints.BasePath;

    /// <summary>Which limit a request counts against; None for everything else (static files, the dashboard's pages, health).</summary>
    private enum Kind { None, Conversations, Messages, Zalo, SignIn, Stream }

    public static WebApplicationBuilder AddAbuseLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
        });
        builder.Services.Configure<FormOptions>(BadRequestMapping.Limit);
        builder.Services.AddOptions<AbuseLimitOptions>().Bind(builder.Configuration.GetSection(AbuseLimitOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AbuseLimitOptions>>(new OptionsProblem<AbuseLimitOptions>(o => o.Problem()));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
        });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<AbuseLimitOptions>>((limiter, abuse) =>
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(PerAddress(abuse.Value), PerConversation(abuse.Value)));
        return builder;
    }

    /// <summary>Adds the 4xx mapping and the rate limits; call right after the hosting middleware (forwarded headers first), before any endpoint.</summary>
    public static WebApplication UseAbuseLimits(this WebApplication app)
    {
        app.UseMiddleware<BadRequestMapping>();
        app.UseRateLimiter();
        return app;
    }

    private static Kind KindOf(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (HttpMethods.IsGet(request.Method))
        {
            return path.StartsWith(DirectLine + "/conversations/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/stream", StringComparison.OrdinalIgnoreCase)
                ? Kind.Stream
                : Kind.None;
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            return Kind.None;
        }
        return path.ToLowerInvariant() switch
        {
            "/webchat/token" or DirectLine + "/tokens/generate" or DirectLine + "/conversations" => Kind.Conversations,
            "/api/messages" => Kind.Messages,
            var p when p.StartsWith(DirectLine + "/conversations/", StringComparison.Ordinal) && p.EndsWith("/activities", StringComparison.Ordinal) => Kind.Messages,
            ZaloWebhookEndpoints.Path => Kind.Zalo,
            "/dashboard/sign-in" => Kind.SignIn,
            _ => Kind.None,
        };
    }

    /// <summary>The client's address as the forwarded-headers step left it: the proxy's client when the proxy is configured, else the peer.</summary>
    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static PartitionedRateLimiter<HttpContext> PerAddress(AbuseLimitOptions o) => PartitionedRateLimiter.Create<HttpContext, (Kind, string)>(http =>
    {
        var kind = o.Enabled ? KindOf(http.Request) : Kind.None;
        var key = (kind, Address(http));
        return kind switch
        {
            Kind.None => RateLimitPartition.GetNoLimiter(key),
            // A WebSocket's request lasts as long as the socket: a concurrency lease counts open streams.
            Kind.Stream => RateLimitPartition.GetConcurrencyLimiter(key, _ => new ConcurrencyLimiterOptions { PermitLimit = o.StreamsPerAddress, QueueLimit = 0 }),
            Kind.SignIn => Window(key, o.SignInsPerAddress, o.SignInWindow),
            Kind.Conversations => Window(key, o.ConversationsPerAddress, o.Window),
            Kind.Zalo => Window(key, o.ZaloPerAddress, o.Window),
            _ => Window(key, o.MessagesPerAddress, o.Window),
        };
    });

    private static PartitionedRateLimiter<HttpContext> PerConversation(AbuseLimitOptions o) => PartitionedRateLimiter.Create<HttpContext, string>(http =>
    {
        // Direct Line names the conversation in the path; Bot Connector callers are authenticated by their token.
        var path = http.Request.Path.Value ?? "";
        if (!o.Enabled || KindOf(http.Request) != Kind.Messages || !path.StartsWith(DirectLine + "/conversations/", StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var conversation = path[(DirectLine + "/conversations/").Length..^"/activities".Length];
        return Window(conversation, o.MessagesPerConversation, o.Window);
    });

    private static RateLimitPartition<T> Window<T>(T key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<AbuseLimitOptions>>().Value;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after
            : KindOf(http.Request) == Kind.SignIn ? options.SignInWindow : TimeSpan.FromSeconds(10);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AbuseLimits))
            .LogDebug("Rate limit reached: {Kind} from one address; answered 429", KindOf(http.Request));
        await ApiError.Result(StatusCodes.Status429TooManyRequests, "TooManyRequests",
            $"Too many requests from this address; try again in {http.Response.Headers.RetryAfter} seconds.").ExecuteAsync(http);
    }
}
