using GuidanceBot.Web.Hosting;

namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>
/// Who is calling, from the <c>Authorization: Bearer</c> header: the site (secret, every conversation) or the holder of
/// a token for one conversation. Anything else is refused with Direct Line's status codes and error body.
/// </summary>
public sealed record DirectLineCaller(bool IsSecret, string? ConversationId, string? UserId)
{
    public bool MayOpen(string conversationId) => IsSecret || ConversationId == conversationId;

    public static async Task<(DirectLineCaller? Caller, IResult? Error)> AuthenticateAsync(HttpRequest request, DirectLineSecret secret, DirectLineTokens tokens)
    {
        var credential = JwtValidation.BearerToken(request.Headers.Authorization);
        if (credential is null)
        {
            return (null, ApiError.Result(StatusCodes.Status401Unauthorized, "Unauthorized", "Send 'Authorization: Bearer <secret or token>'."));
        }
        if (secret.Matches(credential))
        {
            return (new DirectLineCaller(true, null, null), null);
        }
        var (status, token) = await tokens.ReadAsync(credential, DirectLineTokens.ConversationScope);
        return status switch
        {
            TokenStatus.Valid => (new DirectLineCaller(false, token!.ConversationId, token.UserId), null),
            TokenStatus.Expired => (null, Expired()),
            _ => (null, ApiError.Result(StatusCodes.Status403Forbidden, "Forbidden", "The secret or token is not valid.")),
        };
    }

    public static IResult Expired() =>
        ApiError.Result(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; start again with a new token.");

    public static IResult NotYours() =>
        ApiError.Result(StatusCodes.Status403Forbidden, "Forbidden", "This token does not open that conversation.");
}
