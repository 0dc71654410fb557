using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>What a token grants: one conversation, optionally bound to one user id, until it expires.</summary>
public sealed record DirectLineToken(string ConversationId, string? UserId, string Scope, DateTimeOffset Expires);

/// <summary>The outcome of reading a token: valid, expired (403 TokenExpired), or not ours at all.</summary>
public enum TokenStatus { Valid, Expired, Invalid }

/// <summary>
/// Issues and checks Direct Line tokens: JWT-shaped (HS256, key derived from the site secret) so that
/// botframework-directlinejs can read its <c>user</c> claim. Conversation tokens open only their own conversation;
/// stream tokens only pre-authorise that conversation's WebSocket, for a minute.
/// </summary>
public sealed class DirectLineTokens(DirectLineSecret secret, TimeProvider time)
{
    public const string ConversationScope = "conversation";
    public const string StreamScope = "stream";
    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);
    private byte[]? _key;

    // Derived on first use: the secret is read from the database while the host starts.
    private byte[] Key => _key ??= HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret.Value), "guidancebot/directline/token/v1"u8);

    public string Issue(string conversationId, string? userId, string scope, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("conv", conversationId);
            if (userId is not null)
            {
                json.WriteString("user", userId);
            }
            json.WriteString("scope", scope);
            json.WriteNumber("iat", now.ToUnixTimeSeconds());
            json.WriteNumber("exp", (now + lifetime).ToUnixTimeSeconds());
            json.WriteString("jti", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
            json.WriteEndObject();
        }
        var unsigned = $"{Header}.{Base64Url.EncodeToString(buffer.ToArray())}";
        return $"{unsigned}.{Sign(unsigned)}";
    }

    public (TokenStatus Status, DirectLineToken? Token) Read(string token, string scope)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Header)
        {
            return (TokenStatus.Invalid, null);
        }
        var expected = Encoding.ASCII.GetBytes(Sign($"{parts[0]}.{parts[1]}"));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2])))
        {
            return (TokenStatus.Invalid, null);
        }
        DirectLineToken claims;
        try
        {
            using var doc = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var root = doc.RootElement;
            claims = new DirectLineToken(
                root.GetProperty("conv").GetString()!,
                root.TryGetProperty("user", out var user) ? user.GetString() : null,
                root.GetProperty("scope").GetString()!,
                DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64()));
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return (TokenStatus.Invalid, null);
        }
        if (claims.Scope != scope)
        {
            return (TokenStatus.Invalid, null);
        }
        return claims.Expires <= time.GetUtcNow() ? (TokenStatus.Expired, claims) : (TokenStatus.Valid, claims);
    }

    private string Sign(string unsigned) => Base64Url.EncodeToString(HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes(unsigned)));
}
