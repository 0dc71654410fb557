using System.Security.Cryptography;
using System.Text;
using GuidanceBot.Web.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>What a token grants: one conversation, optionally bound to one user id, until it expires.</summary>
public sealed record DirectLineToken(string ConversationId, string? UserId, string Scope, DateTimeOffset Expires);

/// <summary>The outcome of reading a token: valid, expired (403 TokenExpired), or not ours at all.</summary>
public enum TokenStatus { Valid, Expired, Invalid }

/// <summary>
/// Issues and checks Direct Line tokens with Microsoft.IdentityModel: JWTs (HS256, key derived from the site secret)
/// so that botframework-directlinejs can read the <c>user</c> claim. Conversation tokens open only their own
/// conversation; stream tokens only pre-authorise that conversation's WebSocket, for a minute. Checked with the same
/// set-up as the Bot Connector's tokens (<see cref="JwtValidation"/>).
/// </summary>
public sealed class DirectLineTokens
{
    public const string ConversationScope = "conversation";
    public const string StreamScope = "stream";

    // The claims are exactly conv, user, scope, iat, exp and jti (no nbf added by the library), times from the host's clock.
    private static readonly JsonWebTokenHandler Issuer = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly TimeProvider _time;
    private readonly Lazy<(SigningCredentials Signing, TokenValidationParameters Parameters)> _keys;

    public DirectLineTokens(DirectLineSecret secret, TimeProvider time)
    {
        _time = time;
        // Made on first use: the secret is read from the database while the host starts, after this is constructed.
        _keys = new(() => Keys(secret));
    }

    private static (SigningCredentials, TokenValidationParameters) Keys(DirectLineSecret secret)
    {
        var key = new SymmetricSecurityKey(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret.Value), "guidancebot/directline/token/v1"u8));
        var parameters = JwtValidation.Parameters(TimeSpan.Zero, [SecurityAlgorithms.HmacSha256]);
        parameters.IssuerSigningKey = key;
        // Only this site holds the key (derived from its secret for these tokens alone), so the signature is what says the
        // token is ours; the tokens carry no issuer or audience. Expiry is checked against the host's clock below, so an
        // expired token (403 TokenExpired, the client starts again) is told apart from a forged one.
        parameters.ValidateIssuer = false;
        parameters.ValidateAudience = false;
        parameters.ValidateLifetime = false;
        return (new SigningCredentials(key, SecurityAlgorithms.HmacSha256), parameters);
    }

    public string Issue(string conversationId, string? userId, string scope, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow();
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["conv"] = conversationId,
            ["scope"] = scope,
            ["jti"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
        };
        if (userId is not null)
        {
            claims["user"] = userId;
        }
        return Issuer.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = _keys.Value.Signing,
        });
    }

    public async Task<(TokenStatus Status, DirectLineToken? Token)> ReadAsync(string token, string scope)
    {
        var (result, _) = await JwtValidation.ValidateAsync(token, _keys.Value.Parameters);
        if (result?.SecurityToken is not JsonWebToken jwt
            || !jwt.TryGetPayloadValue<string>("conv", out var conversationId)
            || !jwt.TryGetPayloadValue<string>("scope", out var claimedScope)
            || !jwt.TryGetPayloadValue<long>("exp", out var expires)
            || claimedScope != scope)
        {
            return (TokenStatus.Invalid, null);
        }
        var claims = new DirectLineToken(conversationId, jwt.TryGetPayloadValue<string>("user", out var user) ? user : null, claimedScope,
            DateTimeOffset.FromUnixTimeSeconds(expires));
        return claims.Expires <= _time.GetUtcNow() ? (TokenStatus.Expired, claims) : (TokenStatus.Valid, claims);
    }
}
