using System.Text.Json;
using GuidanceBot.Channels.Zalo;
using Microsoft.Data.Sqlite;
using static GuidanceBot.Storage.Sqlite.SqliteDatabase;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>
/// The Zalo inbox in <c>zalo_inbox</c>: one row per event key, so Zalo's retries of the same msg_id insert nothing;
/// adding an event also records the citizen's last message time in <c>zalo_users</c> (the service window).
/// </summary>
public sealed class SqliteZaloInbox(SqliteDatabase database, TimeProvider time) : IZaloInbox, IAsyncDisposable, IDisposable
{
    private sealed record PendingAdd(ZaloInboxEntry Entry)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    // Group commit: one writer takes every event waiting and commits them in one transaction, so the webhook's
    // acknowledgement stays fast under a burst instead of queueing for SQLite's write lock one post at a time.
    private readonly System.Threading.Channels.Channel<PendingAdd> _adds =
        System.Threading.Channels.Channel.CreateUnbounded<PendingAdd>(new() { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _writerLoop;

    public Task<bool> AddAsync(ZaloInboxEntry entry, CancellationToken cancellationToken)
    {
        lock (_start)
        {
            _writerLoop ??= Task.Run(WriteLoopAsync, CancellationToken.None);
        }
        var add = new PendingAdd(entry);
        return _adds.Writer.TryWrite(add) ? add.Done.Task.WaitAsync(cancellationToken) : throw new ObjectDisposedException(nameof(SqliteZaloInbox));
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAdd>();
        SqliteConnection? writer = null;
        while (await _adds.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < 512 && _adds.Reader.TryRead(out var add))
            {
                batch.Add(add);
            }
            try
            {
                writer ??= await database.OpenAsync(CancellationToken.None);
                bool[] added;
                using (await database.WriteTurnAsync(CancellationToken.None))
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

    private bool[] Insert(SqliteConnection writer, List<PendingAdd> batch)
    {
        var now = Ms(time.GetUtcNow());
        var added = new bool[batch.Count];
        using var transaction = writer.BeginTransaction(deferred: false);
        using var insert = Command(writer,
            "INSERT OR IGNORE INTO zalo_inbox(msg_key, event_name, user_id, text, received_at) VALUES($key, $name, $user, $text, $now)",
            ("$key", ""), ("$name", ""), ("$user", ""), ("$text", null), ("$now", now));
        using var seen = Command(writer,
            "INSERT INTO zalo_users(user_id, last_message_at) VALUES($user, $now) " +
            "ON CONFLICT(user_id) DO UPDATE SET last_message_at = MAX(last_message_at, excluded.last_message_at)",
            ("$user", ""), ("$now", now));
        insert.Transaction = transaction;
        seen.Transaction = transaction;
        for (var i = 0; i < batch.Count; i++)
        {
            var e = batch[i].Entry;
            insert.Parameters["$key"].Value = e.Key;
            insert.Parameters["$name"].Value = e.EventName;
            insert.Parameters["$user"].Value = e.UserId;
            insert.Parameters["$text"].Value = (object?)e.Text ?? DBNull.Value;
            added[i] = insert.ExecuteNonQuery() == 1;
            if (added[i] && e.OpensServiceWindow)
            {
                seen.Parameters["$user"].Value = e.UserId;
                seen.ExecuteNonQuery();
            }
        }
        transaction.Commit();
        return added;
    }

    public void Dispose()
    {
        _adds.Writer.TryComplete();
        _writerLoop?.GetAwaiter().GetResult();
    }

    public async ValueTask DisposeAsync()
    {
        _adds.Writer.TryComplete();
        if (_writerLoop is { } loop)
        {
            await loop;
        }
    }

    public async Task<long> CountPendingAsync(CancellationToken cancellationToken) =>
        Convert.ToInt64(await database.ScalarAsync("SELECT count(*) FROM zalo_inbox WHERE processed_at IS NULL", cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<ZaloInboxItem>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        using var writeTurn = await database.WriteTurnAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        // The candidates are chosen before any row changes, in arrival (rowid) order, so LIMIT never keeps a citizen's
        // later event and cuts an earlier one.
        await using var command = Command(connection,
            "UPDATE zalo_inbox SET claimed_until = $until WHERE rowid IN (" +
            "SELECT i.rowid FROM zalo_inbox i WHERE i.processed_at IS NULL AND (i.claimed_until IS NULL OR i.claimed_until <= $now) " +
            "AND NOT EXISTS (SELECT 1 FROM zalo_inbox e WHERE e.processed_at IS NULL AND e.user_id = i.user_id AND e.rowid < i.rowid AND e.claimed_until > $now) " +
            "ORDER BY i.rowid LIMIT $limit) " +
            "RETURNING rowid, msg_key, event_name, user_id, text, attempts",
            ("$now", Ms(now)), ("$until", Ms(now + lease)), ("$limit", limit));
        var claimed = new List<(long Order, ZaloInboxItem Item)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add((reader.GetInt64(0), new ZaloInboxItem(reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt32(5))));
            }
        }
        // RETURNING gives no order.
        return claimed.OrderBy(c => c.Order).Select(c => c.Item).ToList();
    }

    public async Task CompleteAsync(ZaloInboxItem item, string outcome, IReadOnlyList<string> messages, bool ranTurn, IReadOnlyList<string>? choices,
        DateTimeOffset? reminderDue, CancellationToken cancellationToken)
    {
        var now = Ms(time.GetUtcNow());
        using var writeTurn = await database.WriteTurnAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var message in messages)
        {
            await using var insert = Command(connection,
                "INSERT INTO zalo_outbox(user_id, message, created_at, due_at) VALUES($user, $message, $now, $now)",
                ("$user", item.UserId), ("$message", message), ("$now", now));
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var close = Command(connection,
            "UPDATE zalo_inbox SET processed_at = $now, text = NULL, outcome = $outcome, claimed_until = NULL WHERE msg_key = $key",
            ("$now", now), ("$outcome", outcome), ("$key", item.Key));
        close.Transaction = transaction;
        await close.ExecuteNonQueryAsync(cancellationToken);
        if (reminderDue is { } due)
        {
            // A planned reminder holds no message yet: the reminder worker composes it when it is due.
            await using var plan = Command(connection,
                "INSERT INTO zalo_outbox(user_id, message, created_at, due_at, status) SELECT $user, '{}', $now, $due, 'reminder' " +
                "WHERE NOT EXISTS (SELECT 1 FROM zalo_outbox WHERE user_id = $user AND status IN ('reminder', 'reminding'))",
                ("$user", item.UserId), ("$now", now), ("$due", Ms(due)));
            plan.Transaction = transaction;
            await plan.ExecuteNonQueryAsync(cancellationToken);
        }
        if (ranTurn)
        {
            await using var remember = Command(connection, "UPDATE zalo_users SET choices = $choices WHERE user_id = $user",
                ("$choices", ZaloChoicesJson.Write(choices)), ("$user", item.UserId));
            remember.Transaction = transaction;
            await remember.ExecuteNonQueryAsync(cancellationToken);
        }
        transaction.Commit();
    }

    public async Task<IReadOnlyList<string>> ChoicesAsync(string userId, CancellationToken cancellationToken) =>
        ZaloChoicesJson.Read(await database.ScalarAsync("SELECT choices FROM zalo_users WHERE user_id = $user", cancellationToken, ("$user", userId)) as string);

    public Task FailedAsync(ZaloInboxItem item, int maxAttempts, CancellationToken cancellationToken) =>
        database.WriteAsync(
            "UPDATE zalo_inbox SET attempts = attempts + 1, claimed_until = NULL, " +
            "processed_at = CASE WHEN attempts + 1 >= $max THEN $now END, text = CASE WHEN attempts + 1 >= $max THEN NULL ELSE text END, " +
            "outcome = CASE WHEN attempts + 1 >= $max THEN 'failed' END WHERE msg_key = $key",
            cancellationToken, ("$max", maxAttempts), ("$now", Ms(time.GetUtcNow())), ("$key", item.Key));
}
