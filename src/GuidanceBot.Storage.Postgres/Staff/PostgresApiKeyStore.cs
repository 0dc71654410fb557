using GuidanceBot.Staff;
using static GuidanceBot.Storage.Postgres.PostgresDatabase;

namespace GuidanceBot.Storage.Postgres;

/// <summary>API keys in <c>api_keys</c>: a SHA-256 of each key (unique index) and its prefix, never the key.</summary>
public sealed class PostgresApiKeyStore(PostgresDatabase database) : IApiKeyStore
{
    public async Task<long> AddAsync(string name, string prefix, byte[] keyHash, string createdBy, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        (long)(await database.ScalarAsync(
            "INSERT INTO api_keys(name, prefix, key_hash, created_by, created_at) VALUES(@name, @prefix, @hash, @by, @now) RETURNING id",
            cancellationToken, ("name", name), ("prefix", prefix), ("hash", keyHash), ("by", createdBy), ("now", createdAt.ToUniversalTime())))!;

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT id, name, prefix, created_by, created_at, last_used_at, revoked_at, revoked_by FROM api_keys ORDER BY revoked_at IS NOT NULL, id DESC",
            r => new ApiKey(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), At(r, 4)!.Value, At(r, 5), At(r, 6),
                r.IsDBNull(7) ? null : r.GetString(7)),
            cancellationToken);

    public async Task<bool> RevokeAsync(long id, string revokedBy, DateTimeOffset at, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("UPDATE api_keys SET revoked_at = @now, revoked_by = @by WHERE id = @id AND revoked_at IS NULL",
            cancellationToken, ("id", id), ("by", revokedBy), ("now", at.ToUniversalTime())) > 0;

    public async Task<ActiveApiKey?> FindActiveAsync(byte[] keyHash, CancellationToken cancellationToken) =>
        (await database.QueryAsync("SELECT id, last_used_at FROM api_keys WHERE key_hash = @hash AND revoked_at IS NULL",
            r => new ActiveApiKey(r.GetInt64(0), At(r, 1)), cancellationToken, ("hash", keyHash))).SingleOrDefault();

    public Task MarkUsedAsync(long id, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE api_keys SET last_used_at = @now WHERE id = @id", cancellationToken, ("id", id), ("now", at.ToUniversalTime()));
}
