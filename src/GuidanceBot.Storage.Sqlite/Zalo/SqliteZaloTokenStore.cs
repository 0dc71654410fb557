using GuidanceBot.Channels.Zalo;
using static GuidanceBot.Storage.Sqlite.SqliteDatabase;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>Zalo OA token pairs in <c>zalo_tokens</c>; the one writer of that table for the web host and the CLI.</summary>
public sealed class SqliteZaloTokenStore(SqliteDatabase database) : IZaloTokenStore
{
    public async Task<ZaloTokenPair?> CurrentAsync(CancellationToken cancellationToken) =>
        (await database.QueryAsync(
            "SELECT id, access_token, refresh_token, access_expires_at FROM zalo_tokens WHERE spent_at IS NULL ORDER BY id DESC LIMIT 1",
            r => new ZaloTokenPair(r.GetInt64(0), r.GetString(1), r.GetString(2), At(r, 3)!.Value), cancellationToken)).SingleOrDefault();

    public async Task<bool> TryClaimRefreshAsync(long id, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.WriteAsync(
            "UPDATE zalo_tokens SET refreshing_until = $until WHERE id = $id AND spent_at IS NULL AND (refreshing_until IS NULL OR refreshing_until < $now)",
            cancellationToken, ("$until", Ms(until)), ("$id", id), ("$now", Ms(now))) == 1;

    public Task ReleaseRefreshAsync(long id, CancellationToken cancellationToken) =>
        database.WriteAsync("UPDATE zalo_tokens SET refreshing_until = NULL WHERE id = $id", cancellationToken, ("$id", id));

    public async Task StoreAsync(long? replacesId, string accessToken, string refreshToken, DateTimeOffset accessExpiresAt, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        using var writeTurn = await database.WriteTurnAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        await using (var spend = Command(connection, replacesId is null
            ? "UPDATE zalo_tokens SET spent_at = $now WHERE spent_at IS NULL"
            : "UPDATE zalo_tokens SET spent_at = $now WHERE id = $id AND spent_at IS NULL",
            ("$now", Ms(now)), ("$id", replacesId)))
        {
            spend.Transaction = transaction;
            await spend.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var insert = Command(connection,
            "INSERT INTO zalo_tokens(access_token, refresh_token, access_expires_at, created_at) VALUES($access, $refresh, $expires, $now)",
            ("$access", accessToken), ("$refresh", refreshToken), ("$expires", Ms(accessExpiresAt)), ("$now", Ms(now))))
        {
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        transaction.Commit();
    }
}
