using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.BotConnector;

/// <summary>What a token request gave: the token, or a short reason (never a secret) why there is none.</summary>
public sealed record ConnectorToken(string? Token, string? Failure);

/// <summary>
/// The bearer token the bot's replies to Bot Framework channels carry, as Bot Framework bots get it: OAuth client
/// credentials (<c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, scope <c>https://api.botframework.com/.default</c>)
/// at the token endpoint, or for a UserAssignedMSI bot its managed identity's token from App Service's identity endpoint
/// or Azure's instance metadata service. Cached until <see cref="BotConnectorOptions.TokenRefreshAhead"/> before it
/// expires; one request at a time fetches a new one. Without an app id there is no token (the Emulator needs none).
/// </summary>
public sealed partial class BotConnectorTokens(IHttpClientFactory http, IOptions<BotConnectorOptions> options, IConfiguration configuration, TimeProvider time,
    ILogger<BotConnectorTokens> logger)
{
    public const string HttpClientName = "bot-connector-token";

    /// <summary>App Service's identity endpoint and the secret header it wants, set by the platform.</summary>
    public const string IdentityEndpointVariable = "IDENTITY_ENDPOINT";
    public const string IdentityHeaderVariable = "IDENTITY_HEADER";

    private readonly SemaphoreSlim _fetch = new(1, 1);
    private volatile Cached? _cached;

    /// <summary>True when replies carry a token: an app id is configured.</summary>
    public bool Required => options.Value.RequiresToken;

    /// <summary>The cached token, or a new one when it is due for renewal.</summary>
    public async Task<ConnectorToken> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_cached) is { } token)
        {
            return new ConnectorToken(token, null);
        }
        await _fetch.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have fetched it while this one waited.
            return Fresh(_cached) is { } fetched ? new ConnectorToken(fetched, null) : await FetchAsync(cancellationToken);
        }
        finally
        {
            _fetch.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> after the channel refused it (401), so the next call fetches a new one.</summary>
    public void Invalidate(string token)
    {
        var cached = _cached;
        if (cached is not null && cached.Value == token)
        {
            _cached = null;
        }
    }

    private string? Fresh(Cached? cached) => cached is not null && time.GetUtcNow() < cached.RenewAt ? cached.Value : null;

    private async Task<ConnectorToken> FetchAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var request = o.Type == MicrosoftAppType.UserAssignedMSI ? ManagedIdentityRequest(o) : ClientCredentialsRequest(o);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            using var json = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
            if (!response.IsSuccessStatusCode)
            {
                // OAuth errors name what is wrong ("invalid_client") without echoing the secret.
                var error = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String
                    ? e.GetString() : null;
                var failure = $"token-http-{(int)response.StatusCode}" + (error is { Length: <= 64 } ? $":{error}" : "");
                LogTokenRefused(failure);
                return new ConnectorToken(null, failure);
            }
            if (Parse(json.RootElement) is not { } cached)
            {
                LogTokenRefused("token-unreadable");
                return new ConnectorToken(null, "token-unreadable");
            }
            _cached = cached;
            return new ConnectorToken(cached.Value, null);
        }
        catch (JsonException)
        {
            LogTokenRefused("token-unreadable");
            return new ConnectorToken(null, "token-unreadable");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogTokenUnreachable(e.GetType().Name);
            return new ConnectorToken(null, "token-unreachable");
        }
    }

    private static HttpRequestMessage ClientCredentialsRequest(BotConnectorOptions o) =>
        new(HttpMethod.Post, o.EffectiveTokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = o.AppId!,
                ["client_secret"] = o.AppPassword ?? "",
                ["scope"] = o.TokenScope,
            }),
        };

    /// <summary>
    /// App Service (<c>IDENTITY_ENDPOINT</c>, API 2019-08-01, header <c>X-IDENTITY-HEADER</c>) or IMDS (API 2018-02-01,
    /// header <c>Metadata: true</c>); both take the resource (the scope without <c>/.default</c>) and the identity's client id.
    /// </summary>
    private HttpRequestMessage ManagedIdentityRequest(BotConnectorOptions o)
    {
        var identityHeader = configuration[IdentityHeaderVariable];
        var endpoint = o.ManagedIdentityEndpoint is { Length: > 0 } configured ? configured
            : configuration[IdentityEndpointVariable] is { Length: > 0 } appService ? appService
            : BotConnectorOptions.ImdsTokenEndpoint;
        var appServiceProtocol = !string.IsNullOrEmpty(identityHeader) && endpoint != BotConnectorOptions.ImdsTokenEndpoint;
        var resource = o.TokenScope.EndsWith("/.default", StringComparison.Ordinal) ? o.TokenScope[..^"/.default".Length] : o.TokenScope;
        var query = $"api-version={(appServiceProtocol ? "2019-08-01" : "2018-02-01")}&resource={Uri.EscapeDataString(resource)}&client_id={Uri.EscapeDataString(o.AppId!)}";
        var request = new HttpRequestMessage(HttpMethod.Get, $"{endpoint}{(endpoint.Contains('?') ? '&' : '?')}{query}");
        if (appServiceProtocol)
        {
            request.Headers.Add("X-IDENTITY-HEADER", identityHeader);
        }
        else
        {
            request.Headers.Add("Metadata", "true");
        }
        return request;
    }

    /// <summary>
    /// <c>access_token</c> with <c>expires_in</c> (seconds; a number from Entra, a string from IMDS) or <c>expires_on</c>
    /// (Unix seconds, App Service); renewed <see cref="BotConnectorOptions.TokenRefreshAhead"/> before it expires, or
    /// halfway through a shorter life.
    /// </summary>
    private Cached? Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("access_token", out var token) || token.ValueKind != JsonValueKind.String
            || token.GetString() is not { Length: > 0 } value)
        {
            return null;
        }
        var now = time.GetUtcNow();
        DateTimeOffset? expires = Seconds(body, "expires_in") is { } seconds ? now.AddSeconds(seconds)
            : Seconds(body, "expires_on") is { } unix ? DateTimeOffset.FromUnixTimeSeconds(unix) : null;
        if (expires is not { } expiry || expiry <= now)
        {
            return null;
        }
        var ahead = options.Value.TokenRefreshAhead;
        var renewAt = expiry - now > 2 * ahead ? expiry - ahead : now + (expiry - now) / 2;
        return new Cached(value, renewAt);
    }

    private static long? Seconds(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number
        : value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var text) ? text
        : null;

    private sealed record Cached(string Value, DateTimeOffset RenewAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot Connector: no token for replies ({Reason}); check MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppType")]
    private partial void LogTokenRefused(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector: the token endpoint is unreachable ({Error})")]
    private partial void LogTokenUnreachable(string error);
}
