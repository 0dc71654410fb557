using System.Security.Cryptography;
using System.Text;
using GuidanceBot.Analytics;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Analytics;

/// <summary>Checks <c>Authorization: Bearer KEY</c> against <see cref="AnalyticsOptions.ApiKeys"/> in constant time.</summary>
public sealed class AnalyticsApiKeys(IOptions<AnalyticsOptions> options)
{
    // Hashing first makes every comparison the same length, so neither a key's content nor its length leaks through timing.
    private readonly byte[][] _hashes = options.Value.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(Hash).ToArray();

    public bool Accepts(string? authorization)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var offered = Hash(authorization[scheme.Length..].Trim());
        var accepted = false;
        foreach (var hash in _hashes)
        {
            accepted |= CryptographicOperations.FixedTimeEquals(hash, offered);
        }
        return accepted;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
