using System.Net;

namespace GuidanceBot.Web.Channels.BotConnector;

/// <summary>
/// The Bot Connector's settings. The bot's identity uses the Bot Framework's own top-level names (<c>MicrosoftAppType</c>,
/// <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>; the same names as environment
/// variables), so an operator coming from a Bot Framework bot finds them; the endpoints the tokens are checked against
/// are under <c>GuidanceBot:BotConnector</c>. Without an app id, <c>/api/messages</c> takes calls from this machine only.
/// </summary>
public sealed class BotConnectorOptions
{
    public const string Section = "GuidanceBot:BotConnector";

    /// <summary>The issuer of the tokens Azure Bot Service's channels send (botbuilder's ToBotFromChannelTokenIssuer).</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultEntraOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary><c>MicrosoftAppType</c>: MultiTenant (default), SingleTenant or UserAssignedMSI.</summary>
    public string AppType { get; set; } = nameof(MicrosoftAppType.MultiTenant);

    /// <summary><c>MicrosoftAppId</c>: the bot's app (client) id; every inbound token must be addressed to it.</summary>
    public string? AppId { get; set; }

    /// <summary><c>MicrosoftAppPassword</c>: the app's client secret, for replies sent to the channel (not needed to check inbound tokens).</summary>
    public string? AppPassword { get; set; }

    /// <summary><c>MicrosoftAppTenantId</c>: the tenant of a SingleTenant or UserAssignedMSI bot.</summary>
    public string? TenantId { get; set; }

    /// <summary>Bot Framework's OpenID metadata, whose keys sign the channels' tokens (and list the channels each key endorses).</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>Microsoft Entra's OpenID metadata, whose keys sign the tenant-issued tokens a SingleTenant or UserAssignedMSI bot also accepts.</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = DefaultEntraOpenIdMetadataUrl;

    /// <summary>How far a token's expiry and not-before may be off (Bot Framework's SDK allows 5 minutes).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the metadata and keys are fetched again even when every token's key is known.</summary>
    public TimeSpan MetadataRefresh { get; set; } = TimeSpan.FromHours(12);

    public bool RequiresToken => !string.IsNullOrWhiteSpace(AppId);

    public MicrosoftAppType Type => Enum.Parse<MicrosoftAppType>(AppType, ignoreCase: true);

    /// <summary>The token issuers accepted besides <see cref="BotFrameworkIssuer"/>: the tenant's own (v1 and v2 tokens) for single-tenant identities.</summary>
    public IReadOnlyList<string> TenantIssuers => Type == MicrosoftAppType.MultiTenant || string.IsNullOrWhiteSpace(TenantId)
        ? []
        : [$"https://sts.windows.net/{TenantId}/", $"https://login.microsoftonline.com/{TenantId}/v2.0"];

    /// <summary>What is wrong with these settings, naming the setting; null when nothing is.</summary>
    public string? Problem()
    {
        if (!Enum.TryParse<MicrosoftAppType>(AppType, ignoreCase: true, out var type) || int.TryParse(AppType, out _))
        {
            return $"MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI, not '{AppType}'.";
        }
        if (!RequiresToken)
        {
            return string.IsNullOrWhiteSpace(AppPassword) ? null : "MicrosoftAppPassword is set but MicrosoftAppId is not: set the bot's app id too.";
        }
        if (!Guid.TryParse(AppId, out _))
        {
            return "MicrosoftAppId must be the bot's Microsoft app (client) id, a GUID such as 00000000-0000-0000-0000-000000000000.";
        }
        if (type != MicrosoftAppType.MultiTenant && !Guid.TryParse(TenantId, out _))
        {
            return $"MicrosoftAppTenantId must be the tenant's id (a GUID) when MicrosoftAppType is {type}.";
        }
        if (!IsUsableUrl(OpenIdMetadataUrl))
        {
            return $"{Section}:OpenIdMetadataUrl must be an https URL (http only on this machine, for a test identity provider).";
        }
        if (!IsUsableUrl(EntraOpenIdMetadataUrl))
        {
            return $"{Section}:EntraOpenIdMetadataUrl must be an https URL (http only on this machine, for a test identity provider).";
        }
        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(10))
        {
            return $"{Section}:ClockSkew must be between 00:00:00 and 00:10:00.";
        }
        return MetadataRefresh < TimeSpan.FromMinutes(5) ? $"{Section}:MetadataRefresh must be at least 00:05:00." : null;
    }

    internal static bool IsUsableUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip))));
}
