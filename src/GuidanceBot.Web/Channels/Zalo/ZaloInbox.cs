namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>
/// The durable queue between the webhook and the turn engine: one row per event key, so Zalo's retries of the same
/// msg_id insert nothing. Recording an event also records the citizen's last message time (the service window).
/// </summary>
public sealed class ZaloInbox(ZaloDatabase db, TimeProvider time) : IAsyncDisposable
{
    private sealed record PendingAdd(ZaloEvent Event)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    // Group commit: one writer takes every event waiting and commits them in one transaction, so the webhook's
    // acknowledgement stays fast under a burst instead of queueing for SQLite's write lock one post at a time.
    private readonly System.Threading.Channels.Channel<PendingAdd> _adds =
        System.Threading.Channels.Channel.CreateUnbounded<PendingAdd>(new() { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _writerLoop;

    /// <summary>Signalled when an event was queued, so the worker starts at once instead of at its next poll.</summary>
    public SemaphoreSlim Queued { get; } = new(0, int.MaxValue);

    /// <summary>Queues the event; false when an event with the same key was queued before. Returns once it is durable.</summary>
    public Task<bool> AddAsync(ZaloEvent e, CancellationToken cancellationToken)
    {
        lock (_start)
        {
            _writerLoop ??= Task.Run(WriteLoopAsync, CancellationToken.None);
        }
        var add = new PendingAdd(e);
        return _adds.Writer.TryWrite(add) ? add.Done.Task.WaitAsync(cancellationToken) : throw new ObjectDisposedException(nameof(ZaloInbox));
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAdd>();
        Microsoft.Data.Sqlite.SqliteConnection? writer = null;
        while (await _adds.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < 512 && _adds.Reader.TryRead(out var add))
            {
                batch.Add(add);
            }
            try
            {
                writer ??= await db.OpenAsync(CancellationToken.None);
                bool[] added;
                using (await db.WriteTurnAsync(CancellationToken.None))
                {
                    // Posts that arrived while another writer of the file had its turn join this batch.
                    while (batch.Count < 512 && _adds.Reader.TryRead(out var late))
                    {
                        batch.Add(late);
                    }
                    added = Insert(writer, batch);
                }
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(added[i]);
                }
                if (added.Any(a => a))
                {
                    Queued.Release();
                }
            }
            catch (Exception ex)
            {
                // A broken connection is not reused; the posts fail and Zalo delivers them again.
                writer?.Dispose();
                writer = null;
                batch.ForEach(a => a.Done.TrySetException(ex));
            }
        }
        writer?.Dispose();
    }

    private bool[] Insert(Microsoft.Data.Sqlite.SqliteConnection writer, List<PendingAdd> batch)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var added = new bool[batch.Count];
        using var transaction = writer.BeginTransaction(deferred: false);
        using var insert = ZaloDatabase.Command(writer,
            "INSERT OR IGNORE INTO zalo_inbox(msg_key, event_name, user_id, text, received_at) VALUES($key, $name, $user, $text, $now)",
            ("$key", ""), ("$name", ""), ("$user", ""), ("$text", null), ("$now", now));
        using var seen = ZaloDatabase.Command(writer,
            "INSERT INTO zalo_users(user_id, last_message_at) VALUES($user, $now) " +
            "ON CONFLICT(user_id) DO UPDATE SET last_message_at = MAX(last_message_at, excluded.last_message_at)",
            ("$user", ""), ("$now", now));
        insert.Transaction = transaction;
        seen.Transaction = transaction;
        for (var i = 0; i < batch.Count; i++)
        {
            var e = batch[i].Event;
            insert.Parameters["$key"].Value = e.Key;
            insert.Parameters["$name"].Value = e.EventName;
            insert.Parameters["$user"].Value = e.UserId;
            insert.Parameters["$text"].Value = (object?)e.Text ?? DBNull.Value;
            added[i] = insert.ExecuteNonQuery() == 1;
            if (added[i] && e.Kind != ZaloEventKind.Unfollow)
            {
                seen.Parameters["$user"].Value = e.UserId;
                seen.ExecuteNonQuery();
            }
        }
        transaction.Commit();
        return added;
    }

    public async ValueTask DisposeAsync()
    {
        _adds.Writer.TryComplete();
        if (_writerLoop is { } loop)
        {
            await loop;
        }
    }

    /// <summary>How many events wait to be processed (exported as a queue depth).</summary>
    public async Task<long> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = ZaloDatabase.Command(connection, "SELECT count(*) FROM zalo_inbox WHERE processed_at IS NULL");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The oldest events not processed yet, in arrival order.</summary>
    public async Task<IReadOnlyList<ZaloInboxItem>> PendingAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = ZaloDatabase.Command(connection,
            "SELECT msg_key, event_name, user_id, text, attempts FROM zalo_inbox WHERE processed_at IS NULL ORDER BY rowid LIMIT $limit",
            ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<ZaloInboxItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new ZaloInboxItem(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4)));
        }
        return items;
    }

    /// <summary>
    /// Closes a processed event and queues its replies in one transaction, so a crash leaves either both or neither.
    /// The citizen's text is cleared: only the key stays, to keep refusing duplicates.
    /// </summary>
    /// <param name="choices">The options of the turn's last question (to read a typed number back as the option), or null to forget them; unchanged when <paramref name="ranTurn"/> is false.</param>
    /// <param name="reminderDue">When the citizen asked for a reminder: when to first look at it (one planned reminder per user at a time).</param>
    public async Task CompleteAsync(ZaloInboxItem item, string outcome, IReadOnlyList<string> messages, bool ranTurn, IReadOnlyList<string>? choices,
        DateTimeOffset? reminderDue, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        using var writeTurn = await db.WriteTurnAsync(cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var message in messages)
        {
            await using var insert = ZaloDatabase.Command(connection,
                "INSERT INTO zalo_outbox(user_id, message, created_at, due_at) VALUES($user, $message, $now, $now)",
                ("$user", item.UserId), ("$message", message), ("$now", now));
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var close = ZaloDatabase.Command(connection,
            "UPDATE zalo_inbox SET processed_at = $now, text = NULL, outcome = $outcome WHERE msg_key = $key",
            ("$now", now), ("$outcome", outcome), ("$key", item.Key));
        close.Transaction = transaction;
        await close.ExecuteNonQueryAsync(cancellationToken);
        if (reminderDue is { } due)
        {
            // A planned reminder holds no message yet: ZaloReminderWorker composes it when it is due.
            await using var plan = ZaloDatabase.Command(connection,
                "INSERT INTO zalo_outbox(user_id, message, created_at, due_at, status) SELECT $user, '{}', $now, $due, 'reminder' " +
                "WHERE NOT EXISTS (SELECT 1 FROM zalo_outbox WHERE user_id = $user AND status IN ('reminder', 'reminding'))",
                ("$user", item.UserId), ("$now", now), ("$due", due.ToUnixTimeMilliseconds()));
            plan.Transaction = transaction;
            await plan.ExecuteNonQueryAsync(cancellationToken);
        }
        if (ranTurn)
        {
            await using var remember = ZaloDatabase.Command(connection, "UPDATE zalo_users SET choices = $choices WHERE user_id = $user",
                ("$choices", choices is { Count: > 0 } ? System.Text.Json.JsonSerializer.Serialize(choices, ZaloJson.Default.IReadOnlyListString) : null),
                ("$user", item.UserId));
            remember.Transaction = transaction;
            await remember.ExecuteNonQueryAsync(cancellationToken);
        }
        transaction.Commit();
    }

    /// <summary>The options last offered to the user, in order; empty when the last turn asked nothing with options.</summary>
    public async Task<IReadOnlyList<string>> ChoicesAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = ZaloDatabase.Command(connection, "SELECT choices FROM zalo_users WHERE user_id = $user", ("$user", userId));
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? System.Text.Json.JsonSerializer.Deserialize(json, ZaloJson.Default.IReadOnlyListString) ?? []
            : [];
    }

    /// <summary>Counts a failed attempt; after too many, the event is closed as failed so it cannot block the queue.</summary>
    public Task FailedAsync(ZaloInboxItem item, int maxAttempts, CancellationToken cancellationToken) =>
        db.WriteAsync(
            "UPDATE zalo_inbox SET attempts = attempts + 1, " +
            "processed_at = CASE WHEN attempts + 1 >= $max THEN $now END, text = CASE WHEN attempts + 1 >= $max THEN NULL ELSE text END, " +
            "outcome = CASE WHEN attempts + 1 >= $max THEN 'failed' END WHERE msg_key = $key",
            cancellationToken, ("$max", maxAttempts), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()), ("$key", item.Key));
}

/// <summary>One queued webhook event.</summary>
public sealed record ZaloInboxItem(string Key, string EventName, string UserId, string? Text, int Attempts);
