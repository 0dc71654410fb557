using System.Net;

namespace GuidanceBot.Web.Channels.BotConnector;

/// <summary>
/// Which <c>serviceUrl</c>s the bot posts replies to, so a caller cannot make it send requests (and its token) anywhere:
/// with an app id, only the one the caller's validated token names in its <c>serviceurl</c> claim (checked against the
/// activity by <see cref="BotConnectorAuthentication"/>), over https (http only on this machine, for a test connector);
/// without one, only this machine (the Bot Framework Emulator), as calls are taken from this machine only.
/// </summary>
public static class ServiceUrlPolicy
{
    /// <summary>Why replies may not be posted to <paramref name="serviceUrl"/>; null when they may.</summary>
    /// <param name="vouchedByToken">True when a validated Bot Framework token named this serviceUrl (an app id is configured).</param>
    public static string? Problem(string? serviceUrl, bool vouchedByToken)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl))
        {
            return "The activity has no 'serviceUrl' to post the replies to; send it, or ask for deliveryMode \"expectReplies\".";
        }
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return "'serviceUrl' must be an absolute http(s) URL without credentials, query or fragment.";
        }
        var local = IsThisMachine(uri);
        if (!vouchedByToken)
        {
            return local ? null : "Without a configured Microsoft app id, replies are posted to this machine only (a loopback 'serviceUrl', e.g. the Emulator's).";
        }
        return uri.Scheme == Uri.UriSchemeHttps || local ? null : "'serviceUrl' must be https.";
    }

    /// <summary>True when <paramref name="uri"/> names this machine (localhost or a loopback address), where plain http is accepted.</summary>
    internal static bool IsThisMachine(Uri uri) => uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
}
