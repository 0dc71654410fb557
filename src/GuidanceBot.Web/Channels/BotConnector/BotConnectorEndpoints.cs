using GuidanceBot.Activities;
using GuidanceBot.Engine;
using GuidanceBot.Web.Hosting;

namespace GuidanceBot.Web.Channels.BotConnector;

/// <summary>
/// The Bot Connector endpoint <c>POST /api/messages</c>. Every call is checked first (<see cref="BotConnectorAuthentication"/>:
/// a Bot Framework JWT when an app id is configured, otherwise a caller on this machine). With
/// <c>deliveryMode: "expectReplies"</c> the replies come back in the HTTP response. Otherwise (normal delivery) the turn
/// runs, its replies go into the durable outbox (<see cref="BotConnectorReplies"/>) and the call is acknowledged with an
/// empty <c>200</c>; the outbox worker posts the replies to the activity's <c>serviceUrl</c> (<see cref="ServiceUrlPolicy"/>).
/// </summary>
public static class BotConnectorEndpoints
{
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapBotConnector(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync).AddEndpointFilter<TurnAdmission>();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, TurnEngine engine, BotConnectorAuthentication authentication, BotConnectorReplies delivery,
        CancellationToken cancellationToken)
    {
        // Refused before the body is read when it cannot pass anyway.
        if (authentication.RequiresToken ? JwtValidation.BearerToken(http.Request.Headers.Authorization) is null : !HostingServices.IsLocalCaller(http))
        {
            return Unauthorized(authentication.RequiresToken);
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
        // The token is checked against the activity (its serviceUrl and channel), so only after the body is read.
        switch (await authentication.CheckAsync(http, activity, cancellationToken))
        {
            case CallerCheck.Rejected:
                return Unauthorized(authentication.RequiresToken);
            case CallerCheck.KeysUnavailable:
                http.Response.Headers.RetryAfter = "30";
                return ApiError.Result(StatusCodes.Status503ServiceUnavailable, "KeysUnavailable", "The bot cannot check tokens right now; try again later.");
        }
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The activity has no 'type'.");
        }
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The activity has no 'conversation.id'.");
        }
        var expectReplies = string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.OrdinalIgnoreCase);
        if (!expectReplies && ServiceUrlPolicy.Problem(activity.ServiceUrl, authentication.RequiresToken) is { } problem)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "ServiceUrlNotAllowed", problem);
        }
        // The id the channel gave the activity, which the replies answer (none is made up for them).
        var incomingId = activity.Id;
        activity.ChannelId ??= "api";
        activity.Id ??= Guid.NewGuid().ToString("N");
        activity.Timestamp ??= DateTimeOffset.UtcNow;

        if (expectReplies)
        {
            var replies = await engine.ProcessAsync(activity, cancellationToken);
            return Results.Json(new ActivitySet { Activities = [.. replies] }, ActivityJson.Wire.ActivitySet);
        }
        // Queued while the conversation's lock is held, so the next turn's replies queue after these.
        await engine.ProcessAsync(activity, (replies, ct) => delivery.QueueAsync(activity, incomingId, replies, ct), cancellationToken);
        return Results.Ok();
    }

    private static IResult Unauthorized(bool requiresToken) => ApiError.Result(StatusCodes.Status401Unauthorized, "Unauthorized", requiresToken
        ? "A valid Bot Framework token for this bot is required (Authorization: Bearer …)."
        : "Without a configured Microsoft app id, /api/messages accepts calls from this machine only.");
}
