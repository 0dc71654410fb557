using GuidanceBot.Channels.Zalo;
using Npgsql;

namespace GuidanceBot.Storage.Postgres;

/// <summary>
/// The Zalo inbox in <c>zalo_inbox</c>, shared by every instance: the primary key (user, event key) makes a retried or
/// twice-delivered event one row, <c>seq</c> is the arrival order, and claims are taken one claimer at a time (an
/// advisory transaction lock around one short statement), so a citizen's events are never split between instances.
/// </summary>
public sealed class PostgresZaloInbox(PostgresDatabase database, TimeProvider time) : IZaloInbox
{
    /// <summary>The advisory lock key of inbox claims ("GBinbox_").</summary>
    private const long ClaimLock = 0x4742696E626F785F;

    public async Task<bool> AddAsync(ZaloInboxEntry entry, CancellationToken cancellationToken) =>
        (long)(await database.ScalarAsync(
            "WITH i AS (INSERT INTO zalo_inbox(user_id, msg_key, event_name, text, received_at) VALUES(@user, @key, @name, @text::text, @now) " +
            "ON CONFLICT DO NOTHING RETURNING 1), " +
            "u AS (INSERT INTO zalo_users(user_id, last_message_at) SELECT @user, @now WHERE @window AND EXISTS (SELECT 1 FROM i) " +
            "ON CONFLICT (user_id) DO UPDATE SET last_message_at = GREATEST(zalo_users.last_message_at, excluded.last_message_at)) " +
            "SELECT COUNT(*) FROM i",
            cancellationToken, ("user", entry.UserId), ("key", entry.Key), ("name", entry.EventName), ("text", entry.Text),
            ("now", time.GetUtcNow().ToUniversalTime()), ("window", entry.OpensServiceWindow)))! == 1;

    public async Task<IReadOnlyList<ZaloInboxItem>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var claimTurn = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({ClaimLock})", connection, transaction))
        {
            await claimTurn.ExecuteNonQueryAsync(cancellationToken);
        }
        // Candidates are chosen in arrival order before any row changes, so LIMIT never keeps a citizen's later event and
        // cuts an earlier one; a citizen with an event in another claimer's hands gets nothing now.
        var claimed = new List<(long Seq, ZaloInboxItem Item)>();
        await using (var command = PostgresDatabase.Command(connection,
            "UPDATE zalo_inbox SET claimed_until = @until WHERE (user_id, msg_key) IN (" +
            "SELECT i.user_id, i.msg_key FROM zalo_inbox i WHERE i.processed_at IS NULL AND (i.claimed_until IS NULL OR i.claimed_until <= @now) " +
            "AND NOT EXISTS (SELECT 1 FROM zalo_inbox e WHERE e.processed_at IS NULL AND e.user_id = i.user_id AND e.seq < i.seq AND e.claimed_until > @now) " +
            "ORDER BY i.seq LIMIT @limit) " +
            "RETURNING seq, msg_key, event_name, user_id, text, attempts",
            ("now", now), ("until", now + lease), ("limit", limit)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add((reader.GetInt64(0), new ZaloInboxItem(reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt32(5))));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return claimed.OrderBy(c => c.Seq).Select(c => c.Item).ToList();
    }

    public async Task<long> CountPendingAsync(CancellationToken cancellationToken) =>
        Convert.ToInt64(await database.ScalarAsync("SELECT count(*) FROM zalo_inbox WHERE processed_at IS NULL", cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);

    public async Task CompleteAsync(ZaloInboxItem item, string outcome, IReadOnlyList<string> messages, bool ranTurn, IReadOnlyList<string>? choices,
        DateTimeOffset? reminderDue, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (messages.Count > 0)
        {
            batch.BatchCommands.Add(Statement(
                "INSERT INTO zalo_outbox(user_id, message, created_at, due_at) SELECT @user, m, @now, @now FROM unnest(@messages::text[]) WITH ORDINALITY AS t(m, n) ORDER BY n",
                ("user", item.UserId), ("messages", messages.ToArray()), ("now", now)));
        }
        batch.BatchCommands.Add(Statement(
            "UPDATE zalo_inbox SET processed_at = @now, text = NULL, outcome = @outcome, claimed_until = NULL WHERE user_id = @user AND msg_key = @key",
            ("now", now), ("outcome", outcome), ("user", item.UserId), ("key", item.Key)));
        if (reminderDue is { } due)
        {
            // A planned reminder holds no message yet: the reminder worker composes it when it is due.
            batch.BatchCommands.Add(Statement(
                "INSERT INTO zalo_outbox(user_id, message, created_at, due_at, status) SELECT @user, '{}', @now, @due, 'reminder' " +
                "WHERE NOT EXISTS (SELECT 1 FROM zalo_outbox WHERE user_id = @user AND status IN ('reminder', 'reminding'))",
                ("user", item.UserId), ("now", now), ("due", due.ToUniversalTime())));
        }
        if (ranTurn)
        {
            batch.BatchCommands.Add(Statement("UPDATE zalo_users SET choices = @choices WHERE user_id = @user",
                ("choices", choices is { Count: > 0 } ? choices.ToArray() : null), ("user", item.UserId)));
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ChoicesAsync(string userId, CancellationToken cancellationToken) =>
        await database.ScalarAsync("SELECT choices FROM zalo_users WHERE user_id = @user", cancellationToken, ("user", userId)) as string[] ?? [];

    public Task FailedAsync(ZaloInboxItem item, int maxAttempts, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "UPDATE zalo_inbox SET attempts = attempts + 1, claimed_until = NULL, " +
            "processed_at = CASE WHEN attempts + 1 >= @max THEN @now END, text = CASE WHEN attempts + 1 >= @max THEN NULL ELSE text END, " +
            "outcome = CASE WHEN attempts + 1 >= @max THEN 'failed' END WHERE user_id = @user AND msg_key = @key",
            cancellationToken, ("max", maxAttempts), ("now", time.GetUtcNow().ToUniversalTime()), ("user", item.UserId), ("key", item.Key));

    /// <summary>A statement of a batch; a null value is sent as a NULL text[] (the only nullable parameter, a user's choices).</summary>
    internal static NpgsqlBatchCommand Statement(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value is null
                ? new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = DBNull.Value }
                : new NpgsqlParameter(name, value));
        }
        return command;
    }
}
