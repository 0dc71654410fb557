using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GuidanceBot.Tests.BotConnector;

/// <summary>
/// Bot Framework's and Microsoft Entra's token issuers as the bot sees them, on Kestrel at 127.0.0.1: the documented
/// OpenID configuration (<c>/v1/.well-known/openidconfiguration</c>, <c>/common/v2.0/.well-known/openid-configuration</c>)
/// and JWKS documents (RSA keys with <c>kid</c>, <c>n</c>, <c>e</c>, and for Bot Framework the <c>endorsements</c> list
/// of channel ids), with keys made here, and tokens shaped like the channels' (<c>iss</c>, <c>aud</c>, <c>serviceurl</c>, …).
/// For the bot's own tokens: Entra's client-credentials endpoint (<c>/{tenant}/oauth2/v2.0/token</c>, form body, answers
/// <c>{token_type, expires_in, ext_expires_in, access_token}</c> or <c>401 {"error":"invalid_client"}</c>) and a managed
/// identity endpoint in the IMDS and App Service shapes (<c>/metadata/identity/oauth2/token</c>).
/// </summary>
public sealed class LocalIdentityProvider : IAsyncDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string ServiceUrl = "https://smba.example.test/apac/";
    public const string AppId = "8a4c1e2b-5d6f-4a7b-9c8d-0e1f2a3b4c5d";
    public const string TenantId = "3f2e1d0c-9b8a-4766-8554-433221100fed";
    public const string AppPassword = "app-password-for-tests";

    private readonly RSA _botFrameworkKey = RSA.Create(2048);
    private readonly RSA _entraKey = RSA.Create(2048);
    private LoopbackServer _server = null!;

    private LocalIdentityProvider()
    {
    }

    public string BotFrameworkMetadataUrl => $"{_server.Url}/v1/.well-known/openidconfiguration";

    public string EntraMetadataUrl => $"{_server.Url}/common/v2.0/.well-known/openid-configuration";

    public string BotFrameworkKeyId { get; } = "bf-" + Guid.NewGuid().ToString("N")[..8];

    public string EntraKeyId { get; } = "entra-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The channels Bot Framework's key endorses.</summary>
    public List<string> Endorsements { get; } = ["msteams", "webchat", "emulator", "directline"];

    /// <summary>How many times the metadata documents were fetched.</summary>
    public int MetadataRequests;

    /// <summary>Token requests the bot made, client credentials and managed identity alike, with the query or form it sent.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<TokenRequest> TokenRequests { get; } = new();

    /// <summary>How long the tokens it issues to the bot live, in seconds.</summary>
    public int TokenLifetime { get; set; } = 3600;

    /// <summary>A token request as the provider saw it: the path, the form or query fields, and the identity header if any.</summary>
    public sealed record TokenRequest(string Path, IReadOnlyDictionary<string, string> Fields, string? Metadata, string? IdentityHeader);

    /// <summary>The client-credentials endpoint of a tenant (<c>botframework.com</c> for multi-tenant bots).</summary>
    public string TokenEndpoint(string tenant = "botframework.com") => $"{_server.Url}/{tenant}/oauth2/v2.0/token";

    public string ManagedIdentityEndpoint => $"{_server.Url}/metadata/identity/oauth2/token";

    public static async Task<LocalIdentityProvider> StartAsync()
    {
        var provider = new LocalIdentityProvider();
        provider._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) => provider.Configuration(http, BotFrameworkIssuer, "/v1/.well-known/keys"));
            app.MapGet("/v1/.well-known/keys", () => provider.Keys(provider._botFrameworkKey, provider.BotFrameworkKeyId, provider.Endorsements));
            app.MapGet("/common/v2.0/.well-known/openid-configuration", (HttpContext http) =>
                provider.Configuration(http, "https://login.microsoftonline.com/{tenantid}/v2.0", "/common/discovery/v2.0/keys"));
            app.MapGet("/common/discovery/v2.0/keys", () => provider.Keys(provider._entraKey, provider.EntraKeyId, null));
            app.MapPost("/{tenant}/oauth2/v2.0/token", (HttpContext http, string tenant) => provider.ClientCredentialsAsync(http));
            app.MapGet("/metadata/identity/oauth2/token", (HttpContext http) => provider.ManagedIdentity(http));
        });
        return provider;
    }

    /// <summary>A channel's token: Bot Framework's issuer and key unless told otherwise, for the test app id, valid for an hour.</summary>
    public string Token(string? issuer = BotFrameworkIssuer, string? audience = AppId, string? serviceUrl = ServiceUrl,
        DateTime? expires = null, bool entraKey = false, RSA? signWith = null)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }
        var key = new RsaSecurityKey(signWith ?? (entraKey ? _entraKey : _botFrameworkKey)) { KeyId = entraKey ? EntraKeyId : BotFrameworkKeyId };
        var expiry = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = expiry.AddHours(-1),
            NotBefore = expiry.AddHours(-1),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The same claims as a valid token, unsigned: header <c>{"alg":"none"}</c> and an empty signature.</summary>
    public string UnsignedToken()
    {
        var now = DateTimeOffset.UtcNow;
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(new JsonObject
        {
            ["iss"] = BotFrameworkIssuer,
            ["aud"] = AppId,
            ["serviceurl"] = ServiceUrl,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        }.ToJsonString());
        return $"{header}.{payload}.";
    }

    private IResult Configuration(HttpContext http, string issuer, string keysPath)
    {
        Interlocked.Increment(ref MetadataRequests);
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
        return Results.Json(new JsonObject
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = $"{baseUrl}/v1/authorize",
            ["jwks_uri"] = baseUrl + keysPath,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        });
    }

    private async Task<IResult> ClientCredentialsAsync(HttpContext http)
    {
        var form = (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
        var n = Record(http, form);
        if (form.GetValueOrDefault("grant_type") != "client_credentials" || form.GetValueOrDefault("client_id") != AppId
            || form.GetValueOrDefault("client_secret") != AppPassword || form.GetValueOrDefault("scope") != "https://api.botframework.com/.default")
        {
            return Results.Json(new JsonObject { ["error"] = "invalid_client", ["error_description"] = "AADSTS7000215: Invalid client secret provided." }, statusCode: 401);
        }
        return Results.Json(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = TokenLifetime,
            ["ext_expires_in"] = TokenLifetime,
            ["access_token"] = $"bot-token-{n}",
        });
    }

    /// <summary>IMDS (<c>Metadata: true</c>, API 2018-02-01, <c>expires_in</c> as a string) or App Service (<c>X-IDENTITY-HEADER</c>, API 2019-08-01, <c>expires_on</c> only).</summary>
    private IResult ManagedIdentity(HttpContext http)
    {
        var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        var n = Record(http, query);
        var appService = http.Request.Headers.ContainsKey("X-IDENTITY-HEADER");
        if (query.GetValueOrDefault("resource") != "https://api.botframework.com" || query.GetValueOrDefault("client_id") != AppId
            || query.GetValueOrDefault("api-version") != (appService ? "2019-08-01" : "2018-02-01")
            || (!appService && http.Request.Headers["Metadata"] != "true"))
        {
            return Results.Json(new JsonObject { ["error"] = "invalid_request" }, statusCode: 400);
        }
        var expiresOn = DateTimeOffset.UtcNow.AddSeconds(TokenLifetime).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = new JsonObject { ["access_token"] = $"msi-token-{n}", ["expires_on"] = expiresOn, ["resource"] = query["resource"], ["token_type"] = "Bearer" };
        if (!appService)
        {
            body["expires_in"] = TokenLifetime.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return Results.Json(body);
    }

    private int Record(HttpContext http, IReadOnlyDictionary<string, string> fields)
    {
        TokenRequests.Enqueue(new TokenRequest(http.Request.Path, fields, http.Request.Headers["Metadata"].FirstOrDefault(),
            http.Request.Headers["X-IDENTITY-HEADER"].FirstOrDefault()));
        return TokenRequests.Count;
    }

    private IResult Keys(RSA rsa, string kid, IEnumerable<string>? endorsements)
    {
        var p = rsa.ExportParameters(includePrivateParameters: false);
        var key = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        if (endorsements is not null)
        {
            key["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray());
        }
        return Results.Json(new JsonObject { ["keys"] = new JsonArray(key) });
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _botFrameworkKey.Dispose();
        _entraKey.Dispose();
    }
}
