using Microsoft.Data.Sqlite;
using static GuidanceBot.Storage.Sqlite.SqliteDatabase;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>
/// The statements every outbox table shares (<c>zalo_outbox</c>, <c>connector_outbox</c>: <c>id</c>, an order key column,
/// <c>status</c>, <c>due_at</c>, <c>attempts</c>, <c>reason</c>). A claimed row is <c>sending</c> and its <c>due_at</c>
/// is the end of the lease. Claims are single statements in the process's write turn, so they never interleave.
/// </summary>
internal sealed class SqliteOutboxTable(SqliteDatabase db, TimeProvider time, string table, string orderKey)
{
    public async Task<long> CountPendingAsync(CancellationToken cancellationToken) =>
        Convert.ToInt64(await db.ScalarAsync($"SELECT count(*) FROM {table} WHERE status IN ('pending', 'sending')", cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Claims due rows (see <c>IOutbox.ClaimAsync</c>) and maps what <paramref name="returning"/> names, oldest first.</summary>
    public async Task<IReadOnlyList<T>> ClaimAsync<T>(int limit, TimeSpan lease, string returning, Func<SqliteDataReader, T> map, Func<T, long> id,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        using var writeTurn = await db.WriteTurnAsync(cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        // The IN list is computed before any row changes, so a key's earlier and later due rows are claimed together,
        // in id order (LIMIT never keeps a later row and cuts an earlier one).
        await using var command = Command(connection,
            $"UPDATE {table} SET status = 'sending', due_at = $until WHERE id IN (" +
            $"SELECT o.id FROM {table} o WHERE o.status IN ('pending', 'sending') AND o.due_at <= $now " +
            $"AND NOT EXISTS (SELECT 1 FROM {table} p WHERE p.status IN ('pending', 'sending') AND p.due_at > $now " +
            $"AND p.{orderKey} = o.{orderKey} AND p.id < o.id) " +
            $"ORDER BY o.id LIMIT $limit) RETURNING {returning}",
            ("$now", Ms(now)), ("$until", Ms(now + lease)), ("$limit", limit));
        return await ReadClaimedAsync(command, map, id, cancellationToken);
    }

    /// <summary>The rows an <c>UPDATE … RETURNING</c> claimed, oldest first (RETURNING gives no order).</summary>
    public static async Task<IReadOnlyList<T>> ReadClaimedAsync<T>(SqliteCommand command, Func<SqliteDataReader, T> map, Func<T, long> id,
        CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(map(reader));
        }
        items.Sort((a, b) => id(a).CompareTo(id(b)));
        return items;
    }

    public Task RetryLaterAsync(long id, DateTimeOffset due, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync($"UPDATE {table} SET status = 'pending', attempts = attempts + 1, due_at = $due, reason = $reason WHERE id = $id AND status = 'sending'",
            cancellationToken, ("$id", id), ("$due", Ms(due)), ("$reason", reason));

    public Task ReleaseAsync(long id, CancellationToken cancellationToken) =>
        ExecuteAsync($"UPDATE {table} SET status = 'pending', due_at = $now WHERE id = $id AND status = 'sending'", cancellationToken, ("$id", id));

    /// <summary>One statement in the write turn, with <c>$now</c> set.</summary>
    public Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        db.WriteAsync(sql, cancellationToken, [("$now", Ms(time.GetUtcNow())), .. parameters]);
}
