using Npgsql;

namespace GuidanceBot.Storage.Postgres;

/// <summary>
/// The statements every outbox table shares (<c>zalo_outbox</c>, <c>connector_outbox</c>: an order key column and
/// <c>id</c> as the primary key, <c>status</c>, <c>due_at</c>, <c>attempts</c>, <c>reason</c>), shared by every instance.
/// A claimed row is <c>sending</c> and its <c>due_at</c> is the end of the lease. Claims on a table are taken one
/// claimer at a time (an advisory transaction lock around one short statement), so the rule that a key's later row never
/// overtakes an earlier one holds across instances exactly as it does inside one.
/// </summary>
/// <param name="claimLock">The table's advisory lock key.</param>
internal sealed class PostgresOutboxTable(PostgresDatabase database, TimeProvider time, string table, string orderKey, long claimLock)
{
    public async Task<long> CountPendingAsync(CancellationToken cancellationToken) =>
        Convert.ToInt64(await database.ScalarAsync($"SELECT count(*) FROM {table} WHERE status IN ('pending', 'sending')", cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Claims due rows (see <c>IOutbox.ClaimAsync</c>) and maps what <paramref name="returning"/> names, oldest first.</summary>
    public Task<IReadOnlyList<T>> ClaimAsync<T>(int limit, TimeSpan lease, string returning, Func<NpgsqlDataReader, T> map, Func<T, long> id,
        CancellationToken cancellationToken) =>
        ClaimWhereAsync(
            $"UPDATE {table} SET status = 'sending', due_at = @until WHERE ({orderKey}, id) IN (" +
            $"SELECT o.{orderKey}, o.id FROM {table} o WHERE o.status IN ('pending', 'sending') AND o.due_at <= @now " +
            $"AND NOT EXISTS (SELECT 1 FROM {table} p WHERE p.status IN ('pending', 'sending') AND p.due_at > @now " +
            $"AND p.{orderKey} = o.{orderKey} AND p.id < o.id) " +
            $"ORDER BY o.id LIMIT @limit) RETURNING {returning}",
            limit, lease, map, id, cancellationToken);

    /// <summary>Runs a claiming <c>UPDATE … RETURNING</c> (parameters <c>@now</c>, <c>@until</c>, <c>@limit</c>) under the table's claim lock.</summary>
    public async Task<IReadOnlyList<T>> ClaimWhereAsync<T>(string sql, int limit, TimeSpan lease, Func<NpgsqlDataReader, T> map, Func<T, long> id,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var claimTurn = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({claimLock})", connection, transaction))
        {
            await claimTurn.ExecuteNonQueryAsync(cancellationToken);
        }
        var items = new List<T>();
        await using (var command = PostgresDatabase.Command(connection, sql, ("now", now), ("until", now + lease), ("limit", limit)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(map(reader));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        // RETURNING gives no order.
        items.Sort((a, b) => id(a).CompareTo(id(b)));
        return items;
    }

    public Task RetryLaterAsync(string key, long id, DateTimeOffset due, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync($"UPDATE {table} SET status = 'pending', attempts = attempts + 1, due_at = @due, reason = @reason WHERE {orderKey} = @key AND id = @id AND status = 'sending'",
            key, id, cancellationToken, ("due", due.ToUniversalTime()), ("reason", reason));

    public Task ReleaseAsync(string key, long id, CancellationToken cancellationToken) =>
        ExecuteAsync($"UPDATE {table} SET status = 'pending', due_at = @now WHERE {orderKey} = @key AND id = @id AND status = 'sending'", key, id, cancellationToken);

    /// <summary>One statement about one row, with <c>@now</c>, <c>@key</c> (its order key) and <c>@id</c> set.</summary>
    public Task ExecuteAsync(string sql, string key, long id, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        database.ExecuteAsync(sql, cancellationToken, [("now", time.GetUtcNow().ToUniversalTime()), ("key", key), ("id", id), .. parameters]);
}
