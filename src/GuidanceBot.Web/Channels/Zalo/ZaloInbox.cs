namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>
/// The durable queue between the webhook and the turn engine: one row per event key, so Zalo's retries of the same
/// msg_id insert nothing. Recording an event also records the citizen's last message time (the service window).
/// </summary>
public sealed class ZaloInbox(ZaloDatabase db, TimeProvider time)
{
    // One writer connection: the webhook's inserts are tiny, and queueing them here beats SQLite's busy-wait under load.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Microsoft.Data.Sqlite.SqliteConnection? _writer;

    /// <summary>Signalled when an event was queued, so the worker starts at once instead of at its next poll.</summary>
    public SemaphoreSlim Queued { get; } = new(0, int.MaxValue);

    /// <summary>Queues the event; false when an event with the same key was queued before.</summary>
    public async Task<bool> AddAsync(ZaloEvent e, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _writer ??= await db.OpenAsync(cancellationToken);
            using var transaction = _writer.BeginTransaction(deferred: false);
            using var insert = ZaloDatabase.Command(_writer,
                "INSERT OR IGNORE INTO zalo_inbox(msg_key, event_name, user_id, text, received_at) VALUES($key, $name, $user, $text, $now)",
                ("$key", e.Key), ("$name", e.EventName), ("$user", e.UserId), ("$text", e.Text), ("$now", now));
            insert.Transaction = transaction;
            var added = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
            if (added && e.Kind != ZaloEventKind.Unfollow)
            {
                using var seen = ZaloDatabase.Command(_writer,
                    "INSERT INTO zalo_users(user_id, last_message_at) VALUES($user, $now) " +
                    "ON CONFLICT(user_id) DO UPDATE SET last_message_at = MAX(last_message_at, excluded.last_message_at)",
                    ("$user", e.UserId), ("$now", now));
                seen.Transaction = transaction;
                await seen.ExecuteNonQueryAsync(cancellationToken);
            }
            transaction.Commit();
            if (added)
            {
                Queued.Release();
            }
            return added;
        }
        catch
        {
            // A broken connection is not reused.
            _writer?.Dispose();
            _writer = null;
            throw;
        }
        finally
        {
            _gate.Release();
        }
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
    public async Task CompleteAsync(ZaloInboxItem item, string outcome, IReadOnlyList<string> messages, bool ranTurn, IReadOnlyList<string>? choices, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
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
    public async Task FailedAsync(ZaloInboxItem item, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = ZaloDatabase.Command(connection,
            "UPDATE zalo_inbox SET attempts = attempts + 1, " +
            "processed_at = CASE WHEN attempts + 1 >= $max THEN $now END, text = CASE WHEN attempts + 1 >= $max THEN NULL ELSE text END, " +
            "outcome = CASE WHEN attempts + 1 >= $max THEN 'failed' END WHERE msg_key = $key",
            ("$max", maxAttempts), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()), ("$key", item.Key));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>One queued webhook event.</summary>
public sealed record ZaloInboxItem(string Key, string EventName, string UserId, string? Text, int Attempts);
