using GuidanceBot.Channels.Zalo;
using static GuidanceBot.Storage.Sqlite.SqliteDatabase;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>
/// The Zalo outbox in <c>zalo_outbox</c>. A claimed row is <c>sending</c> and its <c>due_at</c> is the end of the lease;
/// a planned reminder is <c>reminder</c> (no message yet, due when it should be looked at) and is claimed as
/// <c>reminding</c>. Claims are single statements in the process's write turn, so they never interleave.
/// </summary>
public sealed class SqliteZaloOutbox(SqliteDatabase db, TimeProvider time) : IZaloOutbox
{
    public async Task<long> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT count(*) FROM zalo_outbox WHERE status IN ('pending', 'sending')");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<ZaloOutboxItem>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        using var writeTurn = await db.WriteTurnAsync(cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        // The IN list is computed before any row changes, so a user's earlier and later due rows are claimed together,
        // in id order (LIMIT never keeps a later row and cuts an earlier one).
        await using var command = Command(connection,
            "UPDATE zalo_outbox SET status = 'sending', due_at = $until WHERE id IN (" +
            "SELECT o.id FROM zalo_outbox o WHERE o.status IN ('pending', 'sending') AND o.due_at <= $now " +
            "AND NOT EXISTS (SELECT 1 FROM zalo_outbox p WHERE p.status IN ('pending', 'sending') AND p.due_at > $now " +
            "AND p.user_id = o.user_id AND p.id < o.id) " +
            "ORDER BY o.id LIMIT $limit) " +
            "RETURNING id, user_id, message, attempts, (SELECT last_message_at FROM zalo_users u WHERE u.user_id = zalo_outbox.user_id)",
            ("$now", now.ToUnixTimeMilliseconds()), ("$until", (now + lease).ToUnixTimeMilliseconds()), ("$limit", limit));
        return await ReadClaimedAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<ZaloOutboxItem>> ClaimRemindersAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        using var writeTurn = await db.WriteTurnAsync(cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = Command(connection,
            "UPDATE zalo_outbox SET status = 'reminding', due_at = $until WHERE id IN (" +
            "SELECT id FROM zalo_outbox WHERE status IN ('reminder', 'reminding') AND due_at <= $now ORDER BY id LIMIT $limit) " +
            "RETURNING id, user_id, message, attempts, (SELECT last_message_at FROM zalo_users u WHERE u.user_id = zalo_outbox.user_id)",
            ("$now", now.ToUnixTimeMilliseconds()), ("$until", (now + lease).ToUnixTimeMilliseconds()), ("$limit", limit));
        return await ReadClaimedAsync(command, cancellationToken);
    }

    public async Task QueueReminderAsync(ZaloOutboxItem reminder, IReadOnlyList<string> messages, IReadOnlyList<string> choices, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        using var writeTurn = await db.WriteTurnAsync(cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        await using (var queue = Command(connection,
            "UPDATE zalo_outbox SET status = 'pending', message = $message, due_at = $now WHERE id = $id AND status = 'reminding'",
            ("$message", messages[0]), ("$now", now), ("$id", reminder.Id)))
        {
            queue.Transaction = transaction;
            if (await queue.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return;
            }
        }
        foreach (var message in messages.Skip(1))
        {
            await using var insert = Command(connection,
                "INSERT INTO zalo_outbox(user_id, message, created_at, due_at) VALUES($user, $message, $now, $now)",
                ("$user", reminder.UserId), ("$message", message), ("$now", now));
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var remember = Command(connection, "UPDATE zalo_users SET choices = $choices WHERE user_id = $user",
            ("$choices", ZaloChoicesJson.Write(choices)),
            ("$user", reminder.UserId)))
        {
            remember.Transaction = transaction;
            await remember.ExecuteNonQueryAsync(cancellationToken);
        }
        transaction.Commit();
    }

    public Task PostponeReminderAsync(ZaloOutboxItem reminder, DateTimeOffset due, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE zalo_outbox SET status = 'reminder', due_at = $due WHERE id = $id AND status = 'reminding'",
            cancellationToken, ("$id", reminder.Id), ("$due", due.ToUnixTimeMilliseconds()));

    // Each outcome applies only to a row still claimed, so a late worker whose lease ran out cannot reopen a finished row.
    public Task SentAsync(ZaloOutboxItem item, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE zalo_outbox SET status = 'sent', attempts = attempts + 1, done_at = $now, reason = NULL WHERE id = $id AND status = 'sending'",
            cancellationToken, ("$id", item.Id));

    public Task DropAsync(ZaloOutboxItem item, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE zalo_outbox SET status = 'dropped', done_at = $now, reason = $reason WHERE id = $id AND status IN ('sending', 'reminding')",
            cancellationToken, ("$id", item.Id), ("$reason", reason));

    public Task RetryLaterAsync(ZaloOutboxItem item, DateTimeOffset due, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE zalo_outbox SET status = 'pending', attempts = attempts + 1, due_at = $due, reason = $reason WHERE id = $id AND status = 'sending'",
            cancellationToken, ("$id", item.Id), ("$due", due.ToUnixTimeMilliseconds()), ("$reason", reason));

    public Task ReleaseAsync(ZaloOutboxItem item, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE zalo_outbox SET status = 'pending', due_at = $now WHERE id = $id AND status = 'sending'",
            cancellationToken, ("$id", item.Id));

    public Task DropPendingAsync(string userId, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE zalo_outbox SET status = 'dropped', done_at = $now, reason = $reason WHERE user_id = $user AND status IN ('pending', 'reminder')",
            cancellationToken, ("$user", userId), ("$reason", reason));

    /// <summary>The rows an <c>UPDATE … RETURNING</c> claimed, oldest first (RETURNING gives no order).</summary>
    private static async Task<IReadOnlyList<ZaloOutboxItem>> ReadClaimedAsync(Microsoft.Data.Sqlite.SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<ZaloOutboxItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new ZaloOutboxItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }
        items.Sort((a, b) => a.Id.CompareTo(b.Id));
        return items;
    }

    private Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        db.WriteAsync(sql, cancellationToken, [("$now", time.GetUtcNow().ToUnixTimeMilliseconds()), .. parameters]);
}
