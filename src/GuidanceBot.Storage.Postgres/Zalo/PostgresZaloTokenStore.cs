using GuidanceBot.Channels.Zalo;
using Npgsql;

namespace GuidanceBot.Storage.Postgres;

/// <summary>Zalo OA token pairs in <c>zalo_tokens</c>; the one writer of that table for every instance and the CLI.</summary>
public sealed class PostgresZaloTokenStore(PostgresDatabase database) : IZaloTokenStore
{
    public async Task<ZaloTokenPair?> CurrentAsync(CancellationToken cancellationToken) =>
        (await database.QueryAsync(
            "SELECT id, access_token, refresh_token, access_expires_at FROM zalo_tokens WHERE spent_at IS NULL ORDER BY id DESC LIMIT 1",
            r => new ZaloTokenPair(r.GetInt64(0), r.GetString(1), r.GetString(2), PostgresDatabase.At(r, 3)!.Value), cancellationToken)).SingleOrDefault();

    public async Task<bool> TryClaimRefreshAsync(long id, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE zalo_tokens SET refreshing_until = @until WHERE id = @id AND spent_at IS NULL AND (refreshing_until IS NULL OR refreshing_until < @now)",
            cancellationToken, ("until", until.ToUniversalTime()), ("id", id), ("now", now.ToUniversalTime())) == 1;

    public Task ReleaseRefreshAsync(long id, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE zalo_tokens SET refreshing_until = NULL WHERE id = @id", cancellationToken, ("id", id));

    public async Task StoreAsync(long? replacesId, string accessToken, string refreshToken, DateTimeOffset accessExpiresAt, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var spend = PostgresDatabase.Command(connection,
            "UPDATE zalo_tokens SET spent_at = @now WHERE spent_at IS NULL AND (@id::bigint IS NULL OR id = @id::bigint)",
            ("now", now.ToUniversalTime()), ("id", replacesId)))
        {
            await spend.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var insert = PostgresDatabase.Command(connection,
            "INSERT INTO zalo_tokens(access_token, refresh_token, access_expires_at, created_at) VALUES(@access, @refresh, @expires, @now)",
            ("access", accessToken), ("refresh", refreshToken), ("expires", accessExpiresAt.ToUniversalTime()), ("now", now.ToUniversalTime())))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
