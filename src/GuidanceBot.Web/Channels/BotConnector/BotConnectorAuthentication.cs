using System.Text.Json;
using GuidanceBot.Activities;
using GuidanceBot.Web.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace GuidanceBot.Web.Channels.BotConnector;

/// <summary>How a call to <c>/api/messages</c> was judged.</summary>
public enum CallerCheck
{
    /// <summary>A valid Bot Framework token for this bot and this activity, or (no app id configured) a caller on this machine.</summary>
    Accepted,

    /// <summary>401: no token, or a token that fails any check.</summary>
    Rejected,

    /// <summary>503: the signing keys could not be fetched, so no token can be checked right now.</summary>
    KeysUnavailable,
}

/// <summary>
/// Checks the JWT on a Bot Connector call the way Bot Framework bots do (botbuilder's ChannelValidation and
/// JwtTokenExtractor; "Authenticate requests from the Bot Connector service"): a Bearer token signed (RS256/384/512)
/// with a key from the OpenID metadata, issued by <c>https://api.botframework.com</c> (or, for a SingleTenant or
/// UserAssignedMSI bot, by its own tenant), addressed to the app id, not expired (clock skew allowed), carrying a
/// <c>serviceurl</c> claim equal to the activity's <c>serviceUrl</c>, and — for Bot Framework keys — signed with a key
/// that endorses the activity's channel. Metadata and keys are cached and refreshed by <see cref="ConfigurationManager{T}"/>,
/// also (at most every 5 minutes) when a token names a key not seen yet.
/// </summary>
public sealed partial class BotConnectorAuthentication
{
    public const string HttpClientName = "bot-connector-metadata";
    public const string ServiceUrlClaim = "serviceurl";

    private readonly BotConnectorOptions _options;
    private readonly ILogger<BotConnectorAuthentication> _logger;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _botFramework;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _entra;

    public BotConnectorAuthentication(IOptions<BotConnectorOptions> options, IHttpClientFactory http, ILogger<BotConnectorAuthentication> logger)
    {
        _options = options.Value;
        _logger = logger;
        _botFramework = Metadata(_options.OpenIdMetadataUrl, http);
        _entra = Metadata(_options.EntraOpenIdMetadataUrl, http);
    }

    /// <summary>True when an app id is configured, so every call must carry a token.</summary>
    public bool RequiresToken => _options.RequiresToken;

    /// <summary>Judges a call: its Authorization header against the activity it carries.</summary>
    public async Task<CallerCheck> CheckAsync(HttpContext http, Activity activity, CancellationToken cancellationToken)
    {
        if (!RequiresToken)
        {
            // Without an app id there is no way to check a caller, so only this machine may call (local use, the Emulator).
            if (HostingServices.IsLocalCaller(http))
            {
                return CallerCheck.Accepted;
            }
            LogRejected("no app id configured and the caller is not on this machine");
            return CallerCheck.Rejected;
        }
        var token = JwtValidation.BearerToken(http.Request.Headers.Authorization);
        if (token is null)
        {
            LogRejected("no bearer token");
            return CallerCheck.Rejected;
        }
        string? issuer;
        try
        {
            issuer = JwtValidation.Handler.ReadJsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            LogRejected("not a JWT");
            return CallerCheck.Rejected;
        }
        var fromBotFramework = issuer == BotConnectorOptions.BotFrameworkIssuer;
        if (!fromBotFramework && !_options.TenantIssuers.Contains(issuer, StringComparer.Ordinal))
        {
            LogRejected("issuer not accepted");
            return CallerCheck.Rejected;
        }
        var metadata = fromBotFramework ? _botFramework : _entra;
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogKeysUnavailable(e);
            return CallerCheck.KeysUnavailable;
        }

        var parameters = JwtValidation.Parameters(_options.ClockSkew, JwtValidation.RsaAlgorithms);
        parameters.ValidIssuers = fromBotFramework ? [BotConnectorOptions.BotFrameworkIssuer] : _options.TenantIssuers;
        parameters.ValidAudience = _options.AppId;
        parameters.IssuerSigningKeys = configuration.SigningKeys;
        var (result, failure) = await JwtValidation.ValidateAsync(token, parameters);
        if (result is null)
        {
            if (failure == "SignatureKeyNotFound")
            {
                // A key rotated in since the last fetch (or a forged kid): fetch again, at most once per RefreshInterval.
                metadata.RequestRefresh();
            }
            LogRejected(failure!);
            return CallerCheck.Rejected;
        }
        if (!result.Claims.TryGetValue(ServiceUrlClaim, out var serviceUrl) || serviceUrl is not string claimed || claimed.Length == 0)
        {
            LogRejected("no serviceurl claim");
            return CallerCheck.Rejected;
        }
        if (!string.Equals(claimed, activity.ServiceUrl, StringComparison.Ordinal))
        {
            LogRejected("serviceurl claim does not match the activity's serviceUrl");
            return CallerCheck.Rejected;
        }
        if (fromBotFramework && !Endorses(configuration, ((JsonWebToken)result.SecurityToken).Kid, activity.ChannelId))
        {
            LogRejected("the signing key does not endorse the activity's channel");
            return CallerCheck.Rejected;
        }
        return CallerCheck.Accepted;
    }

    /// <summary>
    /// Bot Framework's keys list the channels they may sign for (<c>endorsements</c>); an activity naming no channel
    /// asserts nothing and passes, as in botbuilder's EndorsementsValidator.
    /// </summary>
    private static bool Endorses(OpenIdConnectConfiguration configuration, string? kid, string? channelId)
    {
        if (string.IsNullOrEmpty(channelId))
        {
            return true;
        }
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var endorsements))
        {
            return false;
        }
        return endorsements switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == channelId),
            IEnumerable<object> list => list.Any(e => e?.ToString() == channelId),
            _ => false,
        };
    }

    private ConfigurationManager<OpenIdConnectConfiguration> Metadata(string url, IHttpClientFactory http) =>
        new(url, new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(http.CreateClient(HttpClientName)) { RequireHttps = url.StartsWith("https:", StringComparison.OrdinalIgnoreCase) })
        {
            AutomaticRefreshInterval = _options.MetadataRefresh,
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector call refused (401): {Reason}")]
    private partial void LogRejected(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot Connector call refused (503): the OpenID metadata or signing keys could not be fetched")]
    private partial void LogKeysUnavailable(Exception exception);
}
