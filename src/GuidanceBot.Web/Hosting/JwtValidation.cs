using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GuidanceBot.Web.Hosting;

/// <summary>
/// The one place inbound JWTs are checked with Microsoft.IdentityModel: the bearer header, the handler, and the
/// parameters every token gets whatever issued it — signed (so <c>alg: none</c> fails), with one of the allowed
/// algorithms, an expiry and a small clock skew. Callers add their issuers, audience and keys.
/// The Bot Connector's inbound check and Direct Line's tokens use it.
/// </summary>
public static class JwtValidation
{
    /// <summary>The RSA algorithms Bot Framework signs with (botbuilder's AuthenticationConstants.AllowedSigningAlgorithms).</summary>
    public static readonly string[] RsaAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    /// <summary>Thread-safe; claims keep their JWT names (<c>serviceurl</c>, <c>aud</c>, …).</summary>
    public static JsonWebTokenHandler Handler { get; } = new() { MapInboundClaims = false };

    /// <summary>The token of an <c>Authorization: Bearer …</c> header; null for any other scheme or an empty token.</summary>
    public static string? BearerToken(string? authorization)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = authorization[scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    /// <summary>Strict defaults: issuer, audience, lifetime and signing key are all validated; set the valid values on the result.</summary>
    public static TokenValidationParameters Parameters(TimeSpan clockSkew, IEnumerable<string> algorithms) => new()
    {
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        ValidAlgorithms = algorithms,
        ClockSkew = clockSkew,
    };

    /// <summary>
    /// Validates <paramref name="token"/>; on failure the reason is a short name of what failed (e.g. "InvalidAudience",
    /// "Expired"), safe to log: it never contains the token or its claims.
    /// </summary>
    public static async Task<(TokenValidationResult? Result, string? Failure)> ValidateAsync(string token, TokenValidationParameters parameters)
    {
        var result = await Handler.ValidateTokenAsync(token, parameters);
        return result.IsValid ? (result, null) : (null, FailureName(result.Exception));
    }

    /// <summary>"SecurityTokenInvalidAudienceException" → "InvalidAudience".</summary>
    public static string FailureName(Exception? exception)
    {
        var name = exception?.GetType().Name ?? "Invalid";
        if (name.StartsWith("SecurityToken", StringComparison.Ordinal))
        {
            name = name["SecurityToken".Length..];
        }
        return name.EndsWith("Exception", StringComparison.Ordinal) ? name[..^"Exception".Length] : name;
    }
}
