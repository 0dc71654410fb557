using System.Security.Cryptography;
using System.Text;

namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>
/// The <c>X-ZEvent-Signature</c> of a webhook post: <c>mac=</c> + lowercase hex SHA-256 of
/// app_id + raw body + timestamp + OA Secret Key (plain SHA-256, not HMAC).
/// </summary>
public static class ZaloSignature
{
    public const string Header = "X-ZEvent-Signature";

    public static string Compute(string appId, ReadOnlySpan<byte> rawBody, string timestamp, string oaSecretKey)
    {
        var prefix = Encoding.UTF8.GetBytes(appId);
        var suffix = Encoding.UTF8.GetBytes(timestamp + oaSecretKey);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(prefix);
        hash.AppendData(rawBody);
        hash.AppendData(suffix);
        return "mac=" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Constant-time check; implementations disagree on the <c>mac=</c> prefix, so both forms are accepted.</summary>
    public static bool IsValid(string? header, string appId, ReadOnlySpan<byte> rawBody, string timestamp, string oaSecretKey)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }
        var given = header.Trim();
        if (!given.StartsWith("mac=", StringComparison.Ordinal))
        {
            given = "mac=" + given;
        }
        var expected = Compute(appId, rawBody, timestamp, oaSecretKey);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given.ToLowerInvariant()), Encoding.ASCII.GetBytes(expected));
    }
}
