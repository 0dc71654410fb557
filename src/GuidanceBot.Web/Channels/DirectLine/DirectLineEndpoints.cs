using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GuidanceBot.Activities;
using GuidanceBot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>
/// Direct Line 3.0 under <c>/v3/directline</c>, self-hosted for Web Chat and botframework-directlinejs: tokens,
/// conversations, activities with integer watermarks, and the WebSocket stream (<see cref="DirectLineStream"/>).
/// </summary>
public static partial class DirectLineEndpoints
{
    public const string BasePath = "/v3/directline";
    private const int MaxSmallBodyBytes = 4 * 1024;

    /// <summary>Registers the Direct Line services and binds <see cref="DirectLineOptions"/>.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.Section))
            .Validate(o => o.TokenLifetime >= TimeSpan.FromMinutes(1), "GuidanceBot:DirectLine:TokenLifetime must be at least 00:01:00.")
            .Validate(o => o.Secret is null || o.Secret.Trim().Length == 0 || o.Secret.Trim().Length >= 32, "GuidanceBot:DirectLine:Secret must be at least 32 characters.")
            .Validate(o => o.MaxActivitiesPerConversation > 0 && o.PageSize > 0 && o.MaxActivityBytes >= 1024, "GuidanceBot:DirectLine:MaxActivitiesPerConversation and PageSize must be positive, MaxActivityBytes at least 1024.")
            .Validate(o => o.MaxBytesPerConversation >= o.MaxActivityBytes, "GuidanceBot:DirectLine:MaxBytesPerConversation must be at least MaxActivityBytes.")
            .Validate(o => o.RetainIdleFor > TimeSpan.Zero && o.CleanupEvery > TimeSpan.Zero, "GuidanceBot:DirectLine:RetainIdleFor and CleanupEvery must be positive.")
            .ValidateOnStart();
        services.AddSingleton<DirectLineSecret>();
        services.AddHostedService<DirectLineStartup>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineStreams>();
        services.AddSingleton<DirectLineTurns>();
        services.AddHostedService<DirectLineTranscriptCleanup>();
        return services;
    }

    /// <summary>Maps the Direct Line endpoints and the WebSocket stream.</summary>
    public static WebApplication MapDirectLine(this WebApplication app)
    {
        app.UseWebSockets();
        var group = app.MapGroup(BasePath);
        group.MapPost("/tokens/generate", GenerateTokenAsync);
        group.MapPost("/tokens/refresh", RefreshTokenAsync);
        group.MapPost("/conversations", StartConversationAsync).AddEndpointFilter<TurnAdmission>();
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).AddEndpointFilter<TurnAdmission>();
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapGet("/conversations/{conversationId}/stream", DirectLineStream.AcceptAsync);
        return app;
    }

    /// <summary>Issues a token for a new conversation and user, as the site's back end (or our own page endpoint) asks.</summary>
    public static ConversationInfo IssueConversationToken(DirectLineTokens tokens, DirectLineOptions options, string? userId = null)
    {
        var conversationId = DirectLineConversations.NewId();
        var token = tokens.Issue(conversationId, userId ?? NewUserId(), DirectLineTokens.ConversationScope, options.TokenLifetime);
        return new ConversationInfo(conversationId, token, Seconds(options.TokenLifetime));
    }

    private static async Task<IResult> GenerateTokenAsync(HttpContext http, DirectLineSecret secret, DirectLineTokens tokens, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var (caller, error) = await DirectLineCaller.AuthenticateAsync(http.Request, secret, tokens);
        if (caller is null)
        {
            return error!;
        }
        if (!caller.IsSecret)
        {
            return ApiError.Result(StatusCodes.Status403Forbidden, "Forbidden", "Generating a token takes the site's secret.");
        }
        var (body, bodyError) = await ReadStartBodyAsync(http.Request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }
        return Json(IssueConversationToken(tokens, options.Value, body.UserId));
    }

    private static async Task<IResult> RefreshTokenAsync(HttpContext http, DirectLineSecret secret, DirectLineTokens tokens, IOptions<DirectLineOptions> options)
    {
        var (caller, error) = await DirectLineCaller.AuthenticateAsync(http.Request, secret, tokens);
        if (caller is null)
        {
            return error!;
        }
        if (caller.IsSecret)
        {
            return ApiError.Result(StatusCodes.Status403Forbidden, "Forbidden", "Refresh takes the token to refresh, not the secret.");
        }
        var token = tokens.Issue(caller.ConversationId!, caller.UserId, DirectLineTokens.ConversationScope, options.Value.TokenLifetime);
        return Json(new ConversationInfo(caller.ConversationId!, token, Seconds(options.Value.TokenLifetime)));
    }

    private static async Task<IResult> StartConversationAsync(HttpContext http, DirectLineSecret secret, DirectLineTokens tokens, DirectLineConversations conversations,
        DirectLineTurns turns, IOptions<DirectLineOptions> options, TurnGate gate, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (caller, error) = await DirectLineCaller.AuthenticateAsync(http.Request, secret, tokens);
        if (caller is null)
        {
            return error!;
        }
        var (body, bodyError) = await ReadStartBodyAsync(http.Request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }
        var conversationId = caller.ConversationId ?? DirectLineConversations.NewId();
        var userId = caller.UserId ?? body.UserId ?? NewUserId();
        var token = tokens.Issue(conversationId, caller.UserId ?? body.UserId, DirectLineTokens.ConversationScope, options.Value.TokenLifetime);
        var info = new ConversationInfo(conversationId, token, Seconds(options.Value.TokenLifetime), StreamUrl(http, tokens, options.Value, conversationId, null));
        if (!await conversations.StartAsync(conversationId, userId, cancellationToken))
        {
            return Json(info);
        }
        try
        {
            // The greeting is in the transcript before the client can read it: it comes first on the stream or the first GET.
            await turns.StartAsync(conversationId, userId, body.Locale, PublicBase(http), gate.Abandoned);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            loggers.CreateLogger(typeof(DirectLineEndpoints)).LogError(e, "The bot failed on the start of a Direct Line conversation");
        }
        return Json(info, StatusCodes.Status201Created);
    }

    private static async Task<IResult> ReconnectAsync(string conversationId, string? watermark, HttpContext http, DirectLineSecret secret, DirectLineTokens tokens,
        IOptions<DirectLineOptions> options)
    {
        var (caller, error) = await AuthorizeAsync(http, conversationId, secret, tokens);
        if (caller is null)
        {
            return error!;
        }
        if (!TryParseWatermark(watermark, out var mark))
        {
            return BadWatermark();
        }
        var token = tokens.Issue(conversationId, caller.UserId, DirectLineTokens.ConversationScope, options.Value.TokenLifetime);
        return Json(new ConversationInfo(conversationId, token, Seconds(options.Value.TokenLifetime), StreamUrl(http, tokens, options.Value, conversationId, mark)));
    }

    private static async Task<IResult> PostActivityAsync(string conversationId, HttpContext http, DirectLineSecret secret, DirectLineTokens tokens,
        DirectLineConversations conversations, DirectLineTurns turns, IOptions<DirectLineOptions> options, TurnGate gate, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var (caller, error) = await AuthorizeAsync(http, conversationId, secret, tokens);
        if (caller is null)
        {
            return error!;
        }
        var (activity, badBody) = await ActivityRequest.ReadAsync(http.Request, options.Value.MaxActivityBytes, cancellationToken);
        if (badBody is not null)
        {
            return badBody;
        }
        if (activity?.Type is not (ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.Typing))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "Send one activity of type 'message', 'event' or 'typing'.");
        }
        // The sender is who the token says, whatever the body claims.
        var userId = caller.UserId ?? (IsSafeId(activity.From?.Id) ? activity.From!.Id : await conversations.UserIdAsync(conversationId, cancellationToken)) ?? NewUserId();
        activity.From = new ChannelAccount { Id = userId, Name = activity.From?.Name, Role = "user" };
        if (activity.Type == ActivityTypes.Typing)
        {
            // The user's typing is not part of the transcript and not a turn.
            return Json(new ResourceResponse($"{conversationId}|typing"));
        }
        try
        {
            // Not tied to the request: a client that goes away mid-turn must not leave the turn half done; a shutdown
            // lets it finish too (TurnGate), unless the drain gives up.
            var id = await turns.PostAsync(conversationId, activity, PublicBase(http), gate.Abandoned);
            return id is null
                ? ApiError.Result(StatusCodes.Status400BadRequest, "BodyTooLarge", $"The activity is larger than {options.Value.MaxActivityBytes} bytes.")
                : Json(new ResourceResponse(id));
        }
        catch (Exception e) when (e is not OperationCanceledException && !GuidanceBot.Storage.StorageFaults.IsUnavailable(e))
        {
            loggers.CreateLogger(typeof(DirectLineEndpoints)).LogError(e, "The bot failed on a Direct Line activity");
            return ApiError.Result(StatusCodes.Status502BadGateway, "BotError", "The bot could not handle the activity.");
        }
    }

    private static async Task<IResult> GetActivitiesAsync(string conversationId, string? watermark, HttpContext http, DirectLineSecret secret,
        DirectLineTokens tokens, DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        var (caller, error) = await AuthorizeAsync(http, conversationId, secret, tokens);
        if (caller is null)
        {
            return error!;
        }
        if (!TryParseWatermark(watermark, out var mark))
        {
            return BadWatermark();
        }
        var set = await conversations.ReadAsync(conversationId, mark ?? 0, cancellationToken);
        if (set is null && caller.IsSecret)
        {
            return ApiError.Result(StatusCodes.Status404NotFound, "NotFound", "No such conversation.");
        }
        // A token's conversation that has nothing yet (or was removed when idle) is empty, not gone: the client keeps polling.
        set ??= DirectLineActivities.Set(conversationId, [], mark ?? 0);
        return Results.Bytes(set, "application/json; charset=utf-8");
    }

    /// <summary>The caller when it may open this conversation; otherwise 401/403 (TokenExpired for an expired token).</summary>
    private static async Task<(DirectLineCaller? Caller, IResult? Error)> AuthorizeAsync(HttpContext http, string conversationId, DirectLineSecret secret, DirectLineTokens tokens)
    {
        var (caller, error) = await DirectLineCaller.AuthenticateAsync(http.Request, secret, tokens);
        if (caller is null)
        {
            return (null, error);
        }
        if (!IsSafeId(conversationId))
        {
            return (null, ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "That is not a conversation id."));
        }
        return caller.MayOpen(conversationId) ? (caller, null) : (null, DirectLineCaller.NotYours());
    }

    /// <summary>An absolute ws:// or wss:// URL on the host the client reached, pre-authorised for this conversation only.</summary>
    private static string StreamUrl(HttpContext http, DirectLineTokens tokens, DirectLineOptions options, string conversationId, long? watermark)
    {
        var streamToken = tokens.Issue(conversationId, null, DirectLineTokens.StreamScope, options.StreamTokenLifetime);
        var scheme = http.Request.IsHttps ? "wss" : "ws";
        var url = $"{scheme}://{http.Request.Host}{http.Request.PathBase}{BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(streamToken)}";
        return watermark is { } mark ? $"{url}&watermark={mark.ToString(CultureInfo.InvariantCulture)}" : url;
    }

    private static string PublicBase(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    internal static bool TryParseWatermark(string? value, out long? watermark)
    {
        watermark = null;
        if (string.IsNullOrEmpty(value) || value == "null")
        {
            return true;
        }
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            watermark = parsed;
            return true;
        }
        return false;
    }

    private static IResult BadWatermark() =>
        ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The watermark must be a whole number from an earlier response.");

    private readonly record struct StartBody(string? UserId, string? Locale);

    /// <summary>Reads the optional <c>{user:{id}, locale}</c> body of token generation and conversation start.</summary>
    private static async Task<(StartBody Body, IResult? Error)> ReadStartBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxSmallBodyBytes, cancellationToken);
        if (body.Error is { } tooBig)
        {
            return (default, tooBig);
        }
        if (body.Bytes.IsEmpty)
        {
            return (default, null);
        }
        try
        {
            using var doc = JsonDocument.Parse(body.Bytes);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (default, null);
            }
            string? userId = null, locale = null;
            if (doc.RootElement.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object
                && user.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                userId = id.GetString();
                if (!IsSafeId(userId))
                {
                    return (default, ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "user.id must be 1-64 letters, digits, '-', '_' or '.'."));
                }
            }
            if (doc.RootElement.TryGetProperty("locale", out var loc) && loc.ValueKind == JsonValueKind.String && loc.GetString() is { Length: <= 20 } l)
            {
                locale = l;
            }
            return (new StartBody(userId, locale), null);
        }
        catch (JsonException e)
        {
            return (default, ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", $"The body is not valid JSON: {e.Message}"));
        }
    }

    private static string NewUserId() => $"dl_{DirectLineConversations.NewId()}";

    private static bool IsSafeId(string? value) => value is not null && SafeId().IsMatch(value);

    private static int Seconds(TimeSpan span) => (int)span.TotalSeconds;

    private static IResult Json(ConversationInfo info, int status = StatusCodes.Status200OK) =>
        Results.Json(info, DirectLineJson.Wire.ConversationInfo, statusCode: status);

    private static IResult Json(ResourceResponse response) => Results.Json(response, DirectLineJson.Wire.ResourceResponse);

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex SafeId();
}
