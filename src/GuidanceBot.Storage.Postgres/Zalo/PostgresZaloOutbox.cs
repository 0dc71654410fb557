using GuidanceBot.Channels.Zalo;
using Npgsql;

namespace GuidanceBot.Storage.Postgres;

/// <summary>
/// The Zalo outbox in <c>zalo_outbox</c>, shared by every instance (claims and retries as every outbox table,
/// <see cref="PostgresOutboxTable"/>). A planned reminder is <c>reminder</c> and is claimed as <c>reminding</c>.
/// Delivered rows stay as <c>sent</c>.
/// </summary>
public sealed class PostgresZaloOutbox(PostgresDatabase database, TimeProvider time) : IZaloOutbox
{
    /// <summary>The advisory lock key of outbox claims ("GBoutbox").</summary>
    private const long ClaimLock = 0x47426F7574626F78;

    private const string Claimed = "id, user_id, message, attempts, (SELECT last_message_at FROM zalo_users u WHERE u.user_id = zalo_outbox.user_id)";

    private readonly PostgresOutboxTable _table = new(database, time, "zalo_outbox", "user_id", ClaimLock);

    public Task<long> CountPendingAsync(CancellationToken cancellationToken) => _table.CountPendingAsync(cancellationToken);

    public Task<IReadOnlyList<ZaloOutboxItem>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken) =>
        _table.ClaimAsync(limit, lease, Claimed, Read, i => i.Id, cancellationToken);

    public Task<IReadOnlyList<ZaloOutboxItem>> ClaimRemindersAsync(int limit, TimeSpan lease, CancellationToken cancellationToken) =>
        _table.ClaimWhereAsync(
            "UPDATE zalo_outbox SET status = 'reminding', due_at = @until WHERE (user_id, id) IN (" +
            "SELECT user_id, id FROM zalo_outbox WHERE status IN ('reminder', 'reminding') AND due_at <= @now ORDER BY id LIMIT @limit) RETURNING " + Claimed,
            limit, lease, Read, i => i.Id, cancellationToken);

    private static ZaloOutboxItem Read(NpgsqlDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), PostgresDatabase.At(reader, 4));

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
        _table.ExecuteAsync("UPDATE zalo_outbox SET status = 'reminder', due_at = @due WHERE user_id = @key AND id = @id AND status = 'reminding'",
            reminder.UserId, reminder.Id, cancellationToken, ("due", due.ToUniversalTime()));

    public Task SentAsync(ZaloOutboxItem item, CancellationToken cancellationToken) =>
        _table.ExecuteAsync("UPDATE zalo_outbox SET status = 'sent', attempts = attempts + 1, done_at = @now, reason = NULL WHERE user_id = @key AND id = @id AND status = 'sending'",
            item.UserId, item.Id, cancellationToken);

    public Task DropAsync(ZaloOutboxItem item, string reason, CancellationToken cancellationToken) =>
        _table.ExecuteAsync("UPDATE zalo_outbox SET status = 'dropped', done_at = @now, reason = @reason WHERE user_id = @key AND id = @id AND status IN ('sending', 'reminding')",
            item.UserId, item.Id, cancellationToken, ("reason", reason));

    public Task RetryLaterAsync(ZaloOutboxItem item, DateTimeOffset due, string reason, CancellationToken cancellationToken) =>
        _table.RetryLaterAsync(item.UserId, item.Id, due, reason, cancellationToken);

    public Task ReleaseAsync(ZaloOutboxItem item, CancellationToken cancellationToken) => _table.ReleaseAsync(item.UserId, item.Id, cancellationToken);

    public Task DropPendingAsync(string userId, string reason, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE zalo_outbox SET status = 'dropped', done_at = @now, reason = @reason WHERE user_id = @user AND status IN ('pending', 'reminder')",
            cancellationToken, ("now", time.GetUtcNow().ToUniversalTime()), ("reason", reason), ("user", userId));
}
