using GuidanceBot.Channels.Zalo;
using static GuidanceBot.Storage.Sqlite.SqliteDatabase;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>
/// The Zalo outbox in <c>zalo_outbox</c> (claims and retries as every outbox table, <see cref="SqliteOutboxTable"/>).
/// A planned reminder is <c>reminder</c> (no message yet, due when it should be looked at) and is claimed as
/// <c>reminding</c>. Delivered rows stay as <c>sent</c>.
/// </summary>
public sealed class SqliteZaloOutbox(SqliteDatabase db, TimeProvider time) : IZaloOutbox
{
    private const string Claimed = "id, user_id, message, attempts, (SELECT last_message_at FROM zalo_users u WHERE u.user_id = zalo_outbox.user_id)";

    private readonly SqliteOutboxTable _table = new(db, time, "zalo_outbox", "user_id");

    public Task<long> CountPendingAsync(CancellationToken cancellationToken) => _table.CountPendingAsync(cancellationToken);

    public Task<IReadOnlyList<ZaloOutboxItem>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken) =>
        _table.ClaimAsync(limit, lease, Claimed, Read, i => i.Id, cancellationToken);

    public async Task<IReadOnlyList<ZaloOutboxItem>> ClaimRemindersAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        using var writeTurn = await db.WriteTurnAsync(cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = Command(connection,
            "UPDATE zalo_outbox SET status = 'reminding', due_at = $until WHERE id IN (" +
            "SELECT id FROM zalo_outbox WHERE status IN ('reminder', 'reminding') AND due_at <= $now ORDER BY id LIMIT $limit) " +
            "RETURNING " + Claimed,
            ("$now", Ms(now)), ("$until", Ms(now + lease)), ("$limit", limit));
        return await SqliteOutboxTable.ReadClaimedAsync(command, Read, i => i.Id, cancellationToken);
    }

    public async Task QueueReminderAsync(ZaloOutboxItem reminder, IReadOnlyList<string> messages, IReadOnlyList<string> choices, CancellationToken cancellationToken)
    {
        var now = Ms(time.GetUtcNow());
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
        _table.ExecuteAsync("UPDATE zalo_outbox SET status = 'reminder', due_at = $due WHERE id = $id AND status = 'reminding'",
            cancellationToken, ("$id", reminder.Id), ("$due", Ms(due)));

    public Task SentAsync(ZaloOutboxItem item, CancellationToken cancellationToken) =>
        _table.ExecuteAsync("UPDATE zalo_outbox SET status = 'sent', attempts = attempts + 1, done_at = $now, reason = NULL WHERE id = $id AND status = 'sending'",
            cancellationToken, ("$id", item.Id));

    public Task DropAsync(ZaloOutboxItem item, string reason, CancellationToken cancellationToken) =>
        _table.ExecuteAsync("UPDATE zalo_outbox SET status = 'dropped', done_at = $now, reason = $reason WHERE id = $id AND status IN ('sending', 'reminding')",
            cancellationToken, ("$id", item.Id), ("$reason", reason));

    public Task RetryLaterAsync(ZaloOutboxItem item, DateTimeOffset due, string reason, CancellationToken cancellationToken) =>
        _table.RetryLaterAsync(item.Id, due, reason, cancellationToken);

    public Task ReleaseAsync(ZaloOutboxItem item, CancellationToken cancellationToken) => _table.ReleaseAsync(item.Id, cancellationToken);

    public Task DropPendingAsync(string userId, string reason, CancellationToken cancellationToken) =>
        _table.ExecuteAsync("UPDATE zalo_outbox SET status = 'dropped', done_at = $now, reason = $reason WHERE user_id = $user AND status IN ('pending', 'reminder')",
            cancellationToken, ("$user", userId), ("$reason", reason));

    private static ZaloOutboxItem Read(Microsoft.Data.Sqlite.SqliteDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), At(reader, 4));
}
