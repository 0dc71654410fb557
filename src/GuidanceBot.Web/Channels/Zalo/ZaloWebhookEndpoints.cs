using System.Globalization;
using GuidanceBot.Channels.Zalo;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>
/// <c>POST /api/zalo/webhook</c>: checks the signature and the event's age, writes the event to the durable inbox and
/// answers 200 at once (Zalo wants an answer within 2 s); the turn runs in <see cref="ZaloInboxWorker"/> on whichever instance claims it.
/// </summary>
public static class ZaloWebhookEndpoints
{
    public const string Path = "/api/zalo/webhook";
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapZalo(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http, IOptions<ZaloOptions> options, IZaloInbox inbox, ZaloWakeUps wakeUps, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.IsConfigured)
        {
            return ApiError.Result(StatusCodes.Status503ServiceUnavailable, "ZaloNotConfigured",
                "The Zalo channel is off: set GuidanceBot:Zalo:AppId and GuidanceBot:Zalo:OaSecretKey.");
        }
        var body = await RequestBody.ReadAsync(http.Request, MaxBodyBytes, cancellationToken);
        if (body.Error is { } tooBig)
        {
            return tooBig;
        }
        // Zalo sends UTF-8; anything else is refused before it is parsed, signed or stored.
        if (!System.Text.Unicode.Utf8.IsValid(body.Bytes.Span))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadEncoding", "The body is not valid UTF-8.");
        }
        var e = ZaloEvent.Parse(body.Bytes.Span);
        // Without app_id and timestamp the signature cannot be computed: such a post is refused like a forged one.
        if (e is null || !ZaloSignature.IsValid(http.Request.Headers[ZaloSignature.Header], e.AppId, body.Bytes.Span, e.Timestamp, o.OaSecretKey))
        {
            return ApiError.Result(StatusCodes.Status401Unauthorized, "BadSignature", $"Missing or invalid {ZaloSignature.Header}.");
        }
        if (!string.Equals(e.AppId, o.AppId, StringComparison.Ordinal))
        {
            return ApiError.Result(StatusCodes.Status401Unauthorized, "WrongApp", "The event is for another app_id.");
        }
        if (!long.TryParse(e.Timestamp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            || (time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(ms)).Duration() > o.ReplayWindow)
        {
            return ApiError.Result(StatusCodes.Status401Unauthorized, "StaleEvent",
                $"The event's timestamp is outside the replay window ({o.ReplayWindow}).");
        }
        if (e.Kind == ZaloEventKind.Ignored)
        {
            // The OA's own echoes and receipts: acknowledged, never processed, or the bot would talk to itself.
            return Results.Ok();
        }
        var added = await inbox.AddAsync(new ZaloInboxEntry(e.Key, e.EventName, e.UserId, e.Text, e.Kind != ZaloEventKind.Unfollow), cancellationToken);
        if (added)
        {
            wakeUps.Inbox.Release();
        }
        else
        {
            loggers.CreateLogger(typeof(ZaloWebhookEndpoints)).LogInformation("Zalo event {Event} delivered again; ignored", e.EventName);
        }
        return Results.Ok();
    }
}
