using GuidanceBot.Channels.Zalo;
using Npgsql;

namespace GuidanceBot.Storage.Postgres;

/// <summary>
/// The Zalo outbox in <c>zalo_outbox</c>, shared by every instance. A claimed row is <c>sending</c> and its <c>due_at</c>
/// is the end of the lease; a planned reminder is <c>reminder</c> and is claimed as <c>reminding</c>. Claims are taken
/// one claimer at a time (an advisory transaction lock around one short statement), so the rule that a user's later
/// reply never overtakes an earlier one holds across instances exactly as it does inside one.
/// </summary>
public sealed class PostgresZaloOutbox(PostgresDatabase database, TimeProvider time) : IZaloOutbox
{
    /// <summary>The advisory lock key of outbox claims ("GBoutbox").</summary>
    private const long ClaimLock = 0x47426F7574626F78;

    private const string Claimed = "RETURNING id, user_id, message, attempts, (SELECT last_message_at FROM zalo_users u WHERE u.user_id = zalo_outbox.user_id)";

    public async Task<long> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, "SELECT count(*) FROM zalo_outbox WHERE status IN ('pending', 'sending')");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<IReadOnlyList<ZaloOutboxItem>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken) =>
        ClaimAsync(
            "UPDATE zalo_outbox SET status = 'sending', due_at = @until WHERE (user_id, id) IN (" +
            "SELECT o.user_id, o.id FROM zalo_outbox o WHERE o.status IN ('pending', 'sending') AND o.due_at <= @now " +
            "AND NOT EXISTS (SELECT 1 FROM zalo_outbox p WHERE p.status IN ('pending', 'sending') AND p.due_at > @now " +
            "AND p.user_id = o.user_id AND p.id < o.id) " +
            "ORDER BY o.id LIMIT @limit) " + Claimed,
            limit, lease, cancellationToken);

    public Task<IReadOnlyList<ZaloOutboxItem>> ClaimRemindersAsync(int limit, TimeSpan lease, CancellationToken cancellationToken) =>
        ClaimAsync(
            "UPDATE zalo_outbox SET status = 'reminding', due_at = @until WHERE (user_id, id) IN (" +
            "SELECT user_id, id FROM zalo_outbox WHERE status IN ('reminder', 'reminding') AND due_at <= @now ORDER BY id LIMIT @limit) " + Claimed,
            limit, lease, cancellationToken);

    private async Task<IReadOnlyList<ZaloOutboxItem>> ClaimAsync(string sql, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var claimTurn = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({ClaimLock})", connection, transaction))
        {
            await claimTurn.ExecuteNonQueryAsync(cancellationToken);
        }
        var items = new List<ZaloOutboxItem>();
        await using (var command = PostgresDatabase.Command(connection, sql, ("now", now), ("until", now + lease), ("limit", limit)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new ZaloOutboxItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), PostgresDatabase.At(reader, 4)));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        // RETURNING gives no order.
        items.Sort((a, b) => a.Id.CompareTo(b.Id));
        return items;
    }

    public async Task QueueReminderAsync(ZaloOutboxItem reminder, IReadOnlyList<string> messages, IReadOnlyList<string> choices, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var queue = PostgresDatabase.Command(connection,
            "UPDATE zalo_outbox SET status = 'pending', message = @message, due_at = @now WHERE user_id = @user AND id = @id AND status = 'reminding'",
            ("message", messages[0]), ("now", now), ("user", reminder.UserId), ("id", reminder.Id)))
        {
            if (await queue.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return;
            }
        }
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (messages.Count > 1)
        {
            batch.BatchCommands.Add(PostgresZaloInbox.Statement(
                "INSERT INTO zalo_outbox(user_id, message, created_at, due_at) SELECT @user, m, @now, @now FROM unnest(@messages::text[]) WITH ORDINALITY AS t(m, n) ORDER BY n",
                ("user", reminder.UserId), ("messages", messages.Skip(1).ToArray()), ("now", now)));
        }
        batch.BatchCommands.Add(PostgresZaloInbox.Statement("UPDATE zalo_users SET choices = @choices WHERE user_id = @user",
            ("choices", choices.Count > 0 ? choices.ToArray() : null), ("user", reminder.UserId)));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task PostponeReminderAsync(ZaloOutboxItem reminder, DateTimeOffset due, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE zalo_outbox SET status = 'reminder', due_at = @due WHERE user_id = @user AND id = @id AND status = 'reminding'",
            reminder, cancellationToken, ("due", due.ToUniversalTime()));

    public Task SentAsync(ZaloOutboxItem item, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE zalo_outbox SET status = 'sent', attempts = attempts + 1, done_at = @now, reason = NULL WHERE user_id = @user AND id = @id AND status = 'sending'",
            item, cancellationToken);

    public Task DropAsync(ZaloOutboxItem item, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE zalo_outbox SET status = 'dropped', done_at = @now, reason = @reason WHERE user_id = @user AND id = @id AND status IN ('sending', 'reminding')",
            item, cancellationToken, ("reason", reason));

    public Task RetryLaterAsync(ZaloOutboxItem item, DateTimeOffset due, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE zalo_outbox SET status = 'pending', attempts = attempts + 1, due_at = @due, reason = @reason WHERE user_id = @user AND id = @id AND status = 'sending'",
            item, cancellationToken, ("due", due.ToUniversalTime()), ("reason", reason));

    public Task ReleaseAsync(ZaloOutboxItem item, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE zalo_outbox SET status = 'pending', due_at = @now WHERE user_id = @user AND id = @id AND status = 'sending'", item, cancellationToken);

    public Task DropPendingAsync(string userId, string reason, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE zalo_outbox SET status = 'dropped', done_at = @now, reason = @reason WHERE user_id = @user AND status IN ('pending', 'reminder')",
            cancellationToken, ("now", time.GetUtcNow().ToUniversalTime()), ("reason", reason), ("user", userId));

    private Task ExecuteAsync(string sql, ZaloOutboxItem item, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        database.ExecuteAsync(sql, cancellationToken,
            [("now", time.GetUtcNow().ToUniversalTime()), ("user", item.UserId), ("id", item.Id), .. parameters]);
}
