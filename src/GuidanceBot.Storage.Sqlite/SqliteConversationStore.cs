using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using GuidanceBot.Analytics;
using GuidanceBot.Engine;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>
/// The embedded default store: conversation state and analytics events in one SQLite file (WAL).
/// Writes go through one writer that commits whatever turns are waiting in one transaction (group commit);
/// a turn whose ETag no longer matches writes nothing. Reads use their own connections.
/// A conversation's key is kept as one text, <c>channel/id</c> (channels have no '/').
/// </summary>
public sealed class SqliteConversationStore : IConversationStore, IAnalyticsSink, IIdleConversations, IAsyncDisposable, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writerLoop;
    private readonly SqliteConnection _writer;
    private readonly SqliteCommand _insertState;
    private readonly SqliteCommand _updateState;
    private readonly SqliteCommand _insertEvent;
    private readonly ConcurrentBag<SqliteConnection> _readers = new();
    private readonly ConcurrentBag<SqliteCommand> _loads = new();
    private readonly SemaphoreSlim _checkpointDue = new(0, 1);
    private readonly Task _checkpointLoop;
    private volatile bool _writerDone;
    private int _commitsSinceCheckpoint;

    // Checkpoints: copying the WAL into the database and syncing both files stalls every turn waiting on the writer, so
    // a background connection does it (PASSIVE: it never blocks a writer) every CommitsPerCheckpoint commits, and at
    // least every CheckpointEvery for the file's other writers (Zalo inbox, roll-ups). Writers' own auto-checkpoint
    // stays on at a higher mark (SqliteConnections.AutoCheckpointPages): by then the background has copied almost
    // everything, so it is short, and it is what lets the WAL start over instead of growing while turns keep coming.
    private const int CommitsPerCheckpoint = 30;
    private static readonly TimeSpan CheckpointEvery = TimeSpan.FromMilliseconds(250);

    // The WAL only starts over when a checkpoint completes between two commits. On a busy machine the writer's own
    // auto-checkpoint can keep colliding with the background one (only one checkpointer at a time), and the WAL then
    // grows without bound (seen: 56 MB in 2,000 turns). Past a tenth over the auto-checkpoint mark the writer truncates
    // it itself, inside its write turn: rare, and it bounds the file whatever the scheduling.
    private const long WalFrameBytes = 4096 + 24;
    private static readonly long MaxWalBytes = SqliteConnections.AutoCheckpointPages * WalFrameBytes * 11 / 10;
    private readonly SqliteCommand _truncateWal;
    // Held while the background connection checkpoints, so the writer can wait for it instead of failing to truncate.
    private readonly SemaphoreSlim _checkpointing = new(1, 1);

    public SqliteConversationStore(SqliteDatabase database)
    {
        _database = database;
        _writer = Open();

        _insertState = Prepare(_writer,
            "INSERT INTO conversations(key, state, etag, updated_at) VALUES($key, $state, $etag, $now) ON CONFLICT(key) DO NOTHING",
            "$key", "$state", "$etag", "$now");
        _updateState = Prepare(_writer,
            "UPDATE conversations SET state = $state, etag = $etag, updated_at = $now WHERE key = $key AND etag = $old",
            "$key", "$state", "$etag", "$now", "$old");
        _insertEvent = Prepare(_writer,
            "INSERT INTO events(conversation_id, channel, run_id, flow_id, content_version, step_id, kind, ts, props, language) " +
            "VALUES($conv, $channel, $run, $flow, $version, $step, $kind, $ts, $props, $lang)",
            "$conv", "$channel", "$run", "$flow", "$version", "$step", "$kind", "$ts", "$props", "$lang");
        // A short busy wait: if a long dashboard read holds the WAL, give up and try again after a later commit.
        _truncateWal = Prepare(_writer, "PRAGMA busy_timeout=2000; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA busy_timeout=30000;");
        _writerLoop = Task.Run(WriteLoopAsync);
        _checkpointLoop = Task.Run(CheckpointLoopAsync);
    }

    /// <summary>One turn's save (or, with no key, events alone) waiting for the writer.</summary>
    private sealed record PendingWrite(string? Key, string? Json, string? ExpectedETag, IReadOnlyList<AnalyticsEvent> Events)
    {
        public TaskCompletionSource<string?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task<StoredConversation?> LoadAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        // Every turn starts here: each pooled connection keeps its load statement prepared.
        var command = _loads.TryTake(out var pooled) ? pooled : Prepare(Open(), "SELECT state, etag FROM conversations WHERE key = $key", "$key");
        try
        {
            command.Parameters["$key"].Value = Text(key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new StoredConversation(reader.GetString(0), reader.GetString(1))
                : null;
        }
        finally
        {
            _loads.Add(command);
        }
    }

    public Task<string?> SaveAsync(ConversationKey key, ConversationWrite state, string? expectedETag, IReadOnlyList<AnalyticsEvent> events,
        CancellationToken cancellationToken) =>
        // The sweep's times come from the JSON itself (generated columns, migration 2), so only the JSON is written.
        EnqueueAsync(new PendingWrite(Text(key), state.Json, expectedETag, events));

    public Task AppendAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken) =>
        events.Count == 0 ? Task.CompletedTask : EnqueueAsync(new PendingWrite(null, null, null, events));

    private Task<string?> EnqueueAsync(PendingWrite write) =>
        _writes.Writer.TryWrite(write) ? write.Done.Task : throw new ObjectDisposedException(nameof(SqliteConversationStore));

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>();
        var results = new List<string?>();
        while (await _writes.Reader.WaitToReadAsync())
        {
            batch.Clear();
            results.Clear();
            try
            {
                // Turns that arrive while another writer of the file has its turn join this batch.
                using var writeTurn = await _database.WriteTurnAsync(CancellationToken.None);
                while (batch.Count < 512 && _writes.Reader.TryRead(out var write))
                {
                    batch.Add(write);
                }
                // IMMEDIATE takes the write lock up front, so a second process on the same file waits instead of failing mid-way.
                using var transaction = _writer.BeginTransaction(deferred: false);
                var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                foreach (var write in batch)
                {
                    results.Add(Apply(write, transaction, now));
                }
                transaction.Commit();
                TruncateWalIfOvergrown();
            }
            catch (Exception e)
            {
                foreach (var write in batch)
                {
                    write.Done.TrySetException(e);
                }
                continue;
            }
            // Only after the commit: a turn must not deliver replies for state that is not durable yet.
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(results[i]);
            }
            if (++_commitsSinceCheckpoint >= CommitsPerCheckpoint && _checkpointDue.CurrentCount == 0)
            {
                _commitsSinceCheckpoint = 0;
                _checkpointDue.Release();
            }
        }
        _writerDone = true;
        if (_checkpointDue.CurrentCount == 0)
        {
            _checkpointDue.Release();
        }
    }

    private bool WalIsOvergrown()
    {
        var wal = new FileInfo(_database.FilePath + "-wal");
        return wal.Exists && wal.Length > MaxWalBytes;
    }

    private void TruncateWalIfOvergrown()
    {
        if (WalIsOvergrown())
        {
            // Waits (briefly) for the background checkpoint and for readers, copies what is left and empties the file.
            // Never throws into the batch: its writes are committed, and a later commit tries again.
            _checkpointing.Wait();
            try
            {
                _truncateWal.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
            }
            finally
            {
                _checkpointing.Release();
            }
        }
    }

    /// <summary>Copies committed WAL frames into the database beside the writer; ends after the writer.</summary>
    private async Task CheckpointLoopAsync()
    {
        using var connection = Open();
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        while (true)
        {
            await _checkpointDue.WaitAsync(CheckpointEvery);
            if (_writerDone)
            {
                return;
            }
            if (WalIsOvergrown())
            {
                // The writer truncates it at its next commit; a checkpoint here would only take the lock it needs.
                continue;
            }
            await _checkpointing.WaitAsync();
            try
            {
                checkpoint.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // Another process is checkpointing: the next round catches up.
            }
            finally
            {
                _checkpointing.Release();
            }
        }
    }

    /// <summary>One write inside the batch's transaction; null when its ETag no longer matches, and then nothing of it is written.</summary>
    private string? Apply(PendingWrite write, SqliteTransaction transaction, long now)
    {
        if (write.Key is null)
        {
            InsertEvents(write.Events, transaction);
            return "";
        }
        var etag = Guid.NewGuid().ToString("N");
        SqliteCommand command;
        if (write.ExpectedETag is null)
        {
            command = _insertState;
        }
        else
        {
            command = _updateState;
            command.Parameters["$old"].Value = write.ExpectedETag;
        }
        command.Transaction = transaction;
        command.Parameters["$key"].Value = write.Key;
        command.Parameters["$state"].Value = write.Json;
        command.Parameters["$etag"].Value = etag;
        command.Parameters["$now"].Value = now;
        // The state row is the turn's first write: when it is stale, the turn has written nothing to undo.
        if (command.ExecuteNonQuery() == 0)
        {
            return null;
        }
        InsertEvents(write.Events, transaction);
        return etag;
    }

    public async Task<IReadOnlyList<AnalyticsEvent>> ReadAsync(string? conversationId, CancellationToken cancellationToken)
    {
        var connection = RentReader();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT conversation_id, channel, run_id, flow_id, content_version, step_id, kind, ts, props, language FROM events " +
                (conversationId is null ? "" : "WHERE conversation_id = $conv ") + "ORDER BY id";
            if (conversationId is not null)
            {
                command.Parameters.AddWithValue("$conv", conversationId);
            }
            var result = new List<AnalyticsEvent>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result.Add(new AnalyticsEvent(
                    reader.GetString(0), reader.GetString(1), reader.GetString(6),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)))
                {
                    RunId = reader.IsDBNull(2) ? null : reader.GetString(2),
                    FlowId = reader.IsDBNull(3) ? null : reader.GetString(3),
                    ContentVersion = reader.IsDBNull(4) ? null : reader.GetString(4),
                    StepId = reader.IsDBNull(5) ? null : reader.GetString(5),
                    Language = reader.IsDBNull(9) ? null : reader.GetString(9),
                    Properties = reader.IsDBNull(8) ? null : JsonSerializer.Deserialize(reader.GetString(8), StorageJson.Default.DictionaryStringString),
                });
            }
            return result;
        }
        finally
        {
            _readers.Add(connection);
        }
    }

    public async Task<IReadOnlyList<ConversationKey>> FindIdleAsync(DateTimeOffset idleSince, int limit, CancellationToken cancellationToken)
    {
        var connection = RentReader();
        try
        {
            using var command = connection.CreateCommand();
            // The WHERE repeats the partial index's condition word for word so SQLite uses ix_conversations_sweep.
            command.CommandText =
                "SELECT key FROM conversations WHERE (swept_at IS NULL OR swept_at < active_at) AND active_at < $before " +
                "ORDER BY active_at LIMIT $limit";
            command.Parameters.AddWithValue("$before", idleSince.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$limit", limit);
            var keys = new List<ConversationKey>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add(Key(reader.GetString(0)));
            }
            return keys;
        }
        finally
        {
            _readers.Add(connection);
        }
    }

    private void InsertEvents(IReadOnlyList<AnalyticsEvent> events, SqliteTransaction transaction)
    {
        var command = _insertEvent;
        command.Transaction = transaction;
        foreach (var e in events)
        {
            command.Parameters["$conv"].Value = e.ConversationId;
            command.Parameters["$channel"].Value = e.Channel;
            command.Parameters["$run"].Value = (object?)e.RunId ?? DBNull.Value;
            command.Parameters["$flow"].Value = (object?)e.FlowId ?? DBNull.Value;
            command.Parameters["$version"].Value = (object?)e.ContentVersion ?? DBNull.Value;
            command.Parameters["$step"].Value = (object?)e.StepId ?? DBNull.Value;
            command.Parameters["$kind"].Value = e.Kind;
            command.Parameters["$lang"].Value = (object?)e.Language ?? DBNull.Value;
            command.Parameters["$ts"].Value = e.Timestamp.ToUnixTimeMilliseconds();
            command.Parameters["$props"].Value = e.Properties is { Count: > 0 } p
                ? JsonSerializer.Serialize(p, StorageJson.Default.IReadOnlyDictionaryStringString)
                : DBNull.Value;
            command.ExecuteNonQuery();
        }
    }

    private SqliteConnection RentReader() => _readers.TryTake(out var connection) ? connection : Open();

    private SqliteConnection Open() => _database.OpenDedicated();

    private static string Text(ConversationKey key) => $"{key.Channel}/{key.Id}";

    private static ConversationKey Key(string text)
    {
        var slash = text.IndexOf('/');
        return new ConversationKey(text[..slash], text[(slash + 1)..]);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        return command;
    }

    public void Dispose()
    {
        if (!_writes.Writer.TryComplete())
        {
            return;
        }
        _writerLoop.GetAwaiter().GetResult();
        _checkpointLoop.GetAwaiter().GetResult();
        _insertState.Dispose();
        _updateState.Dispose();
        _insertEvent.Dispose();
        _truncateWal.Dispose();
        _writer.Dispose();
        _checkpointDue.Dispose();
        _checkpointing.Dispose();
        while (_loads.TryTake(out var load))
        {
            var connection = load.Connection!;
            load.Dispose();
            connection.Dispose();
        }
        while (_readers.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
