using GuidanceBot.Web.Channels.Queues;

namespace GuidanceBot.Web.Channels.BotConnector;

/// <summary>
/// The Bot Connector's settings. The bot's identity uses the Bot Framework's own top-level names (<c>MicrosoftAppType</c>,
/// <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>; the same names as environment
/// variables), so an operator coming from a Bot Framework bot finds them; the endpoints tokens are checked against and
/// fetched from, and how replies are delivered (<see cref="DeliveryOptions"/>), are under <c>GuidanceBot:BotConnector</c>.
/// Without an app id, <c>/api/messages</c> takes calls from this machine only and posts replies to this machine only.
/// </summary>
public sealed class BotConnectorOptions : DeliveryOptions
{
    public const string Section = "GuidanceBot:BotConnector";

    /// <summary>The issuer of the tokens Azure Bot Service's channels send (botbuilder's ToBotFromChannelTokenIssuer).</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultEntraOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>The scope of the tokens replies carry (botbuilder's ToChannelFromBotOAuthScope + "/.default").</summary>
    public const string DefaultTokenScope = "https://api.botframework.com/.default";

    /// <summary>Azure's instance metadata service (IMDS), where a managed identity gets its tokens on a VM or in a container.</summary>
    public const string ImdsTokenEndpoint = "http://169.254.169.254/metadata/identity/oauth2/token";

    public BotConnectorOptions()
    {
        // A citizen is waiting for the reply: the first retry comes soon, and none waits long.
        FirstBackoff = TimeSpan.FromSeconds(1);
        MaxBackoff = TimeSpan.FromMinutes(5);
    }

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

    /// <summary>
    /// Where the bot gets the token its replies carry (OAuth client credentials: app id, password, <see cref="TokenScope"/>).
    /// Empty: Bot Framework's, <c>https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token</c>, or for a
    /// SingleTenant bot its tenant's.
    /// </summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>The scope asked for; a managed identity asks for the same resource without <c>/.default</c>.</summary>
    public string TokenScope { get; set; } = DefaultTokenScope;

    /// <summary>
    /// Where a UserAssignedMSI bot gets its tokens. Empty: App Service's identity endpoint (<c>IDENTITY_ENDPOINT</c>, with
    /// <c>IDENTITY_HEADER</c>) when the platform sets it, otherwise Azure's instance metadata service (<see cref="ImdsTokenEndpoint"/>).
    /// </summary>
    public string? ManagedIdentityEndpoint { get; set; }

    /// <summary>A cached token is replaced this long before it expires.</summary>
    public TimeSpan TokenRefreshAhead { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Twice the longest delivery: a token fetch and a post, then (after a 401) a fresh token and a second post.</summary>
    public override TimeSpan MinSendLease => 2 * 4 * RequestTimeout;

    /// <summary>The client-credentials endpoint in use (see <see cref="TokenEndpoint"/>).</summary>
    public string EffectiveTokenEndpoint => !string.IsNullOrWhiteSpace(TokenEndpoint)
        ? TokenEndpoint
        : $"https://login.microsoftonline.com/{(Type == MicrosoftAppType.SingleTenant ? TenantId : "botframework.com")}/oauth2/v2.0/token";

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
        if (DeliveryProblem() is { } delivery)
        {
            return delivery;
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
        if (type != MicrosoftAppType.UserAssignedMSI && string.IsNullOrWhiteSpace(AppPassword))
        {
            return $"MicrosoftAppPassword must be set when MicrosoftAppId is ({type}): the bot needs it to post its replies to the channel.";
        }
        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(10))
        {
            return $"{Section}:ClockSkew must be between 00:00:00 and 00:10:00.";
        }
        if (MetadataRefresh < TimeSpan.FromMinutes(5))
        {
            return $"{Section}:MetadataRefresh must be at least 00:05:00.";
        }
        if (!IsUsableUrl(EffectiveTokenEndpoint))
        {
            return $"{Section}:TokenEndpoint must be an https URL (http only on this machine, for a test identity provider).";
        }
        if (string.IsNullOrWhiteSpace(TokenScope))
        {
            return $"{Section}:TokenScope must name the scope of the tokens replies carry, e.g. {DefaultTokenScope}.";
        }
        return ManagedIdentityEndpoint is { Length: > 0 } msi && !IsUsableUrl(msi) && msi != ImdsTokenEndpoint
            ? $"{Section}:ManagedIdentityEndpoint must be an https URL, Azure's {ImdsTokenEndpoint} or an http URL on this machine."
            : null;
    }

    /// <summary>What is wrong with the delivery settings, naming the setting; null when nothing is. Checked with or without an app id.</summary>
    private string? DeliveryProblem()
    {
        if (MaxSendAttempts < 1)
        {
            return $"{Section}:MaxSendAttempts must be at least 1.";
        }
        if (PollInterval <= TimeSpan.Zero || RequestTimeout <= TimeSpan.Zero || FirstBackoff <= TimeSpan.Zero || TokenRefreshAhead < TimeSpan.Zero)
        {
            return $"{Section}:PollInterval, RequestTimeout and FirstBackoff must be positive time spans, TokenRefreshAhead not negative.";
        }
        if (MaxBackoff < FirstBackoff)
        {
            return $"{Section}:MaxBackoff must be at least FirstBackoff.";
        }
        return SendLease < MinSendLease
            ? $"{Section}:SendLease must be at least 8 × RequestTimeout ({MinSendLease:c}), so a send ends before another worker may take its reply."
            : null;
    }

    internal static bool IsUsableUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && ServiceUrlPolicy.IsThisMachine(uri)));
}
