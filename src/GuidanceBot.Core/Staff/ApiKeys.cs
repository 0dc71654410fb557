using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using GuidanceBot.Storage;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.Staff;

/// <summary>
/// API keys for tools in the SQLite file: made here from 32 random bytes (<c>gb_</c> + base64url), kept only as a SHA-256
/// hash with a short prefix, revoked by id. Every check reads the table, so a key revoked by one instance or the CLI is
/// refused by every instance at the next request.
/// </summary>
public sealed class ApiKeys(string databasePath, TimeProvider time)
{
    public const string KeyStart = "gb_";
    public const int MaxNameLength = 100;

    /// <summary>"gb_" and 43 base64url characters (32 bytes).</summary>
    public const int KeyLength = 46;

    /// <summary>How much of a key the list shows: "gb_" and 6 characters, 36 of its 256 bits.</summary>
    public const int PrefixLength = 9;

    /// <summary>The last use is written at most this often per key, so a tool polling the API does not write on every request.</summary>
    public static readonly TimeSpan LastUsedEvery = TimeSpan.FromMinutes(1);

    private readonly string _connectionString = SqliteConnections.ConnectionString(databasePath);

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
        var now = time.GetUtcNow();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO api_keys(name, prefix, key_hash, created_by, created_at) VALUES($name, $prefix, $hash, $by, $now) RETURNING id";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$prefix", secret[..PrefixLength]);
        command.Parameters.AddWithValue("$hash", Hash(secret));
        command.Parameters.AddWithValue("$by", createdBy);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new CreatedApiKey(new ApiKey(id, name, secret[..PrefixLength], createdBy, FromMs(now.ToUnixTimeMilliseconds()), null, null, null), secret);
    }

    /// <summary>Every key, those in use first, newest first.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT id, name, prefix, created_by, created_at, last_used_at, revoked_at, revoked_by FROM api_keys ORDER BY revoked_at IS NOT NULL, id DESC";
        var keys = new List<ApiKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new ApiKey(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), FromMs(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : FromMs(reader.GetInt64(5)),
                reader.IsDBNull(6) ? null : FromMs(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        return keys;
    }

    /// <summary>Revokes the key; false when there is no such key or it was already revoked.</summary>
    public async Task<bool> RevokeAsync(long id, string revokedBy, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE api_keys SET revoked_at = $now, revoked_by = $by WHERE id = $id AND revoked_at IS NULL";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$by", revokedBy);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>True when the key was made here and is not revoked; notes the use (see <see cref="LastUsedEvery"/>).</summary>
    public async Task<bool> AcceptsAsync(string key, CancellationToken cancellationToken)
    {
        // Anything else (a configured key, a typo) cannot be one of ours: no need to ask the database.
        if (key.Length != KeyLength || !key.StartsWith(KeyStart, StringComparison.Ordinal))
        {
            return false;
        }
        // Found by its hash through the unique index. The index's byte comparison could at most hint at bytes of the hash
        // of 256 random bits, which tells nothing about the key, so this needs no constant-time loop over the keys.
        await using var connection = await OpenAsync(cancellationToken);
        long id, lastUsed;
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT id, COALESCE(last_used_at, 0) FROM api_keys WHERE key_hash = $hash AND revoked_at IS NULL";
            read.Parameters.AddWithValue("$hash", Hash(key));
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return false;
            }
            (id, lastUsed) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (now - lastUsed >= (long)LastUsedEvery.TotalMilliseconds)
        {
            await using var write = connection.CreateCommand();
            write.CommandText = "UPDATE api_keys SET last_used_at = $now WHERE id = $id";
            write.Parameters.AddWithValue("$id", id);
            write.Parameters.AddWithValue("$now", now);
            await write.ExecuteNonQueryAsync(cancellationToken);
        }
        return true;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => SqliteConnections.OpenAsync(_connectionString, cancellationToken);
}
