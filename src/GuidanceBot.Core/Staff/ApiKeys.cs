using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace GuidanceBot.Staff;

/// <summary>
/// API keys for tools: made here from 32 random bytes (<c>gb_</c> + base64url), kept only as a SHA-256 hash with a short
/// prefix (<see cref="IApiKeyStore"/>), revoked by id. Every check asks the store, so a key revoked by one instance or the
/// CLI is refused by every instance at the next request.
/// </summary>
public sealed class ApiKeys(IApiKeyStore store, TimeProvider time)
{
    public const string KeyStart = "gb_";
    public const int MaxNameLength = 100;

    /// <summary>"gb_" and 43 base64url characters (32 bytes).</summary>
    public const int KeyLength = 46;

    /// <summary>How much of a key the list shows: "gb_" and 6 characters, 36 of its 256 bits.</summary>
    public const int PrefixLength = 9;

    /// <summary>The last use is written at most this often per key, so a tool polling the API does not write on every request.</summary>
    public static readonly TimeSpan LastUsedEvery = TimeSpan.FromMinutes(1);

    /// <summary>Null when the name can be used, else why not.</summary>
    public static string? CheckName(string name) =>
        name.Trim().Length is >= 1 and <= MaxNameLength && !name.Any(char.IsControl)
            ? null
            : $"Give the key a name of 1–{MaxNameLength} characters saying who or what uses it (e.g. monthly report script).";

    /// <summary>Makes a key; the answer carries the key itself, which is not stored and cannot be read again.</summary>
    public async Task<CreatedApiKey> CreateAsync(string name, string createdBy, CancellationToken cancellationToken)
    {
        if (CheckName(name) is { } badName) throw new ArgumentException(badName, nameof(name));
        name = name.Trim();
        var secret = KeyStart + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        // Stored to the millisecond: the answer shows what the list will show.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var id = await store.AddAsync(name, secret[..PrefixLength], Hash(secret), createdBy, now, cancellationToken);
        return new CreatedApiKey(new ApiKey(id, name, secret[..PrefixLength], createdBy, now, null, null, null), secret);
    }

    /// <summary>Every key, those in use first, newest first.</summary>
    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    /// <summary>Revokes the key; false when there is no such key or it was already revoked.</summary>
    public Task<bool> RevokeAsync(long id, string revokedBy, CancellationToken cancellationToken) =>
        store.RevokeAsync(id, revokedBy, time.GetUtcNow(), cancellationToken);

    /// <summary>True when the key was made here and is not revoked; notes the use (see <see cref="LastUsedEvery"/>).</summary>
    public async Task<bool> AcceptsAsync(string key, CancellationToken cancellationToken)
    {
        // Anything else (a configured key, a typo) cannot be one of ours: no need to ask the database.
        if (key.Length != KeyLength || !key.StartsWith(KeyStart, StringComparison.Ordinal))
        {
            return false;
        }
        // Found by its hash through a unique index. The index's byte comparison could at most hint at bytes of the hash
        // of 256 random bits, which tells nothing about the key, so this needs no constant-time loop over the keys.
        if (await store.FindActiveAsync(Hash(key), cancellationToken) is not { } found)
        {
            return false;
        }
        var now = time.GetUtcNow();
        if (found.LastUsedAt is not { } last || now - last >= LastUsedEvery)
        {
            await store.MarkUsedAsync(found.Id, now, cancellationToken);
        }
        return true;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
