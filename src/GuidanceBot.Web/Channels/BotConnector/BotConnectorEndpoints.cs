using System.Net;
using GuidanceBot.Activities;
using GuidanceBot.Engine;

namespace GuidanceBot.Web.Channels.BotConnector;

/// <summary>
/// The Bot Connector endpoint <c>POST /api/messages</c>. With <c>deliveryMode: "expectReplies"</c> the replies come back in
/// the HTTP response. Normal delivery to <c>serviceUrl</c> (Azure Bot Service) is not built yet and is refused clearly.
/// </summary>
public static class BotConnectorEndpoints
{
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapBotConnector(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, TurnEngine engine, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!IsLocal(http))
        {
            // Without a configured app id there is no way to check the caller, so only this machine may call.
            return ApiError.Result(StatusCodes.Status401Unauthorized, "Unauthorized", "Without a configured Microsoft app id, /api/messages accepts calls from this machine only.");
        }
        var (activity, error) = await ActivityRequest.ReadAsync(http.Request, MaxBodyBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        if (activity is null)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The body is empty or null; send an activity object.");
        }
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The activity has no 'type'.");
        }
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The activity has no 'conversation.id'.");
        }
        if (!string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.OrdinalIgnoreCase))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "DeliveryModeNotSupported",
                "Only deliveryMode \"expectReplies\" is supported: replies come back in this response. Delivery to serviceUrl is not available yet.");
        }
        activity.ChannelId ??= "api";
        activity.Id ??= Guid.NewGuid().ToString("N");
        activity.Timestamp ??= DateTimeOffset.UtcNow;

        var replies = await engine.ProcessAsync(activity, cancellationToken);
        return Results.Json(new ActivitySet { Activities = [.. replies] }, ActivityJson.Wire.ActivitySet);
    }

    private static bool IsLocal(HttpContext http) =>
        http.Connection.RemoteIpAddress is not { } address || IPAddress.IsLoopback(address);
}
