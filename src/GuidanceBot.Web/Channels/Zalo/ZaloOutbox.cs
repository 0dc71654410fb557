namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>
/// Replies waiting to be delivered, in the bot's SQLite file, so they survive a restart or a Zalo outage.
/// A row ends as <c>sent</c> or <c>dropped</c> with a reason; nothing stays pending forever.
/// </summary>
public sealed class ZaloOutbox(ZaloDatabase db, TimeProvider time)
{
    /// <summary>Signalled when replies were queued.</summary>
    public SemaphoreSlim Queued { get; } = new(0, int.MaxValue);

    /// <summary>Pending rows that are due, oldest first; a user's later reply never overtakes an earlier one.</summary>
    public async Task<IReadOnlyList<ZaloOutboxItem>> DueAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = ZaloDatabase.Command(connection,
            "SELECT o.id, o.user_id, o.message, o.attempts, u.last_message_at FROM zalo_outbox o LEFT JOIN zalo_users u ON u.user_id = o.user_id " +
            "WHERE o.status = 'pending' AND o.due_at <= $now " +
            "AND NOT EXISTS (SELECT 1 FROM zalo_outbox p WHERE p.user_id = o.user_id AND p.status = 'pending' AND p.id < o.id) " +
            "ORDER BY o.id LIMIT $limit",
            ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<ZaloOutboxItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new ZaloOutboxItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }
        return items;
    }

    public Task SentAsync(ZaloOutboxItem item, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE zalo_outbox SET status = 'sent', attempts = attempts + 1, done_at = $now, reason = NULL WHERE id = $id",
            cancellationToken, ("$id", item.Id));

    public Task DropAsync(ZaloOutboxItem item, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE zalo_outbox SET status = 'dropped', done_at = $now, reason = $reason WHERE id = $id",
            cancellationToken, ("$id", item.Id), ("$reason", reason));

    public Task RetryLaterAsync(ZaloOutboxItem item, DateTimeOffset due, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE zalo_outbox SET attempts = attempts + 1, due_at = $due, reason = $reason WHERE id = $id",
            cancellationToken, ("$id", item.Id), ("$due", due.ToUnixTimeMilliseconds()), ("$reason", reason));

    /// <summary>Drops everything still pending for a user, e.g. after they unfollowed.</summary>
    public Task DropPendingAsync(string userId, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE zalo_outbox SET status = 'dropped', done_at = $now, reason = $reason WHERE user_id = $user AND status = 'pending'",
            cancellationToken, ("$user", userId), ("$reason", reason));

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = ZaloDatabase.Command(connection, sql, [("$now", time.GetUtcNow().ToUnixTimeMilliseconds()), .. parameters]);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>One queued reply: the OA API <c>message</c> object as JSON, for one user.</summary>
public sealed record ZaloOutboxItem(long Id, string UserId, string Message, int Attempts, DateTimeOffset? LastUserMessageAt);
