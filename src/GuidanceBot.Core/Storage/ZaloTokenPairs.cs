using Microsoft.Data.Sqlite;

namespace GuidanceBot.Storage;

/// <summary>
/// Writes Zalo OA token pairs to <c>zalo_tokens</c>: the new pair and the spending of the pair it replaces in one
/// transaction, because Zalo's refresh token is single-use. The web host's refresh and the CLI's <c>zalo token set</c>
/// both store through here.
/// </summary>
public static class ZaloTokenPairs
{
    /// <param name="replacesId">The row a refresh replaces; null for a pair from the Zalo console, which spends every unspent pair.</param>
    public static async Task StoreAsync(SqliteConnection connection, long? replacesId, string accessToken, string refreshToken,
        TimeSpan expiresIn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        await using (var spend = connection.CreateCommand())
        {
            spend.Transaction = transaction;
            spend.CommandText = replacesId is null
                ? "UPDATE zalo_tokens SET spent_at = $now WHERE spent_at IS NULL"
                : "UPDATE zalo_tokens SET spent_at = $now WHERE id = $id AND spent_at IS NULL";
            spend.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            spend.Parameters.AddWithValue("$id", (object?)replacesId ?? DBNull.Value);
            await spend.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText =
                "INSERT INTO zalo_tokens(access_token, refresh_token, access_expires_at, created_at) VALUES($access, $refresh, $expires, $now)";
            insert.Parameters.AddWithValue("$access", accessToken);
            insert.Parameters.AddWithValue("$refresh", refreshToken);
            insert.Parameters.AddWithValue("$expires", (now + expiresIn).ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        transaction.Commit();
    }
}
