namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>What to do after a send attempt, by the kind of Zalo's answer.</summary>
public enum ZaloSendKind
{
    Sent,
    /// <summary>Will not succeed later either (outside the window, not a follower, invalid message …): drop with the reason.</summary>
    Drop,
    /// <summary>Quota or rate limit: wait long before trying again.</summary>
    Quota,
    /// <summary>Outage, timeout, unknown error, no token: try again after a backoff.</summary>
    Retry,
}

/// <summary>The outcome of one delivery attempt, with a short reason that never contains message text.</summary>
public sealed record ZaloSendResult(ZaloSendKind Kind, string Reason)
{
    /// <summary>Classifies a Zalo <c>error</c> code (0 is success); -216/-220 are handled by the sender before this.</summary>
    public static ZaloSendResult FromError(int code) => code switch
    {
        0 => new(ZaloSendKind.Sent, "sent"),
        // Not following, outside the 7-day interaction window, banned/inactive, restricted, invalid or refused message.
        -213 or -230 or -232 or -227 or -244 or -201 or -233 or -234 or -248 => new(ZaloSendKind.Drop, $"zalo-error:{code}"),
        // OA disabled or missing, API not authorised, tier too low, v2 API gone: an operator must act, retrying will not help.
        -204 or -205 or -223 or -224 or -240 or -320 or -321 => new(ZaloSendKind.Drop, $"zalo-error:{code}"),
        -32 or -211 => new(ZaloSendKind.Quota, $"zalo-error:{code}"),
        -216 or -220 => new(ZaloSendKind.Retry, $"token-rejected:{code}"),
        _ => new(ZaloSendKind.Retry, $"zalo-error:{code}"),
    };
}
