using System.Security.Cryptography;
using System.Text;
using GuidanceBot.Analytics;
using GuidanceBot.Staff;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Analytics;

/// <summary>
/// Checks <c>Authorization: Bearer KEY</c> against <see cref="AnalyticsOptions.ApiKeys"/> in constant time, then against the
/// keys admins made on the dashboard or with the CLI (<see cref="ApiKeys"/>, read at every request so a revocation holds at once).
/// </summary>
public sealed class AnalyticsApiKeys(IOptions<AnalyticsOptions> options, ApiKeys stored)
{
    // Hashing first makes every comparison the same length, so neither a key's content nor its length leaks through timing.
    private readonly byte[][] _hashes = options.Value.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(Hash).ToArray();

    public async Task<bool> AcceptsAsync(string? authorization, CancellationToken cancellationToken)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var key = authorization[scheme.Length..].Trim();
        var offered = Hash(key);
        var accepted = false;
        foreach (var hash in _hashes)
        {
            accepted |= CryptographicOperations.FixedTimeEquals(hash, offered);
        }
        return accepted || await stored.AcceptsAsync(key, cancellationToken);
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
