using System.Threading.Channels;
using GuidanceBot.Channels.DirectLine;
using Microsoft.Data.Sqlite;
using static GuidanceBot.Storage.Sqlite.SqliteDatabase;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>
/// The Direct Line transcript in <c>directline_conversations</c> and <c>directline_activities</c> (keyed by conversation
/// and number). Appends go through one writer that commits the waiting ones together (group commit). One host per file,
/// so every append is this process's own: its observers are told in process, with the activities, once it has committed.
/// </summary>
public sealed class SqliteDirectLineTranscript : IDirectLineTranscript, IAsyncDisposable, IDisposable
{
    private readonly SqliteDatabase database;
    private readonly DirectLineObservers observers;
    private readonly TimeProvider time;
    private readonly Channel<PendingAppend> _appends = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<SqliteConnection> _writer;
    private readonly Lazy<SqliteCommand> _upsert;
    private readonly Lazy<SqliteCommand> _insert;
    private readonly Task _writeLoop;
    private int _disposed;

    public SqliteDirectLineTranscript(SqliteDatabase database, DirectLineObservers observers, TimeProvider time)
    {
        (this.database, this.observers, this.time) = (database, observers, time);
        // The writer's connection and statements are made on first use, so a host without Direct Line traffic keeps none open.
        _writer = new Lazy<SqliteConnection>(database.OpenDedicated);
        _upsert = new Lazy<SqliteCommand>(() => Prepared(
            "INSERT INTO directline_conversations(conversation_id, user_id, first_seq, last_seq, bytes, updated_at) VALUES($c, $user, $now + 1, $now + $n, $bytes, $now) " +
            "ON CONFLICT(conversation_id) DO UPDATE SET last_seq = last_seq + $n, bytes = bytes + $bytes, updated_at = $now " +
            "RETURNING first_seq, last_seq, bytes",
            "$c", "$user", "$n", "$bytes", "$now"));
        _insert = new Lazy<SqliteCommand>(() => Prepared(
            "INSERT INTO directline_activities(conversation_id, seq, bytes, activity) VALUES($c, $seq, $bytes, $activity)", "$c", "$seq", "$activity", "$bytes"));
        _writeLoop = Task.Run(WriteLoopAsync);
    }

    private SqliteCommand Prepared(string sql, params string[] parameters)
    {
        var command = _writer.Value.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }
        command.Prepare();
        return command;
    }

    private sealed record PendingAppend(string ConversationId, string? UserId, IReadOnlyList<string> Activities, int[] Sizes, DirectLineRetention Retention)
    {
        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task<DirectLineConversationRecord?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        (await database.QueryAsync(
            "SELECT user_id, started, last_seq FROM directline_conversations WHERE conversation_id = $c",
            r => new DirectLineConversationRecord(conversationId, r.IsDBNull(0) ? null : r.GetString(0), r.GetInt64(1) == 1, r.GetInt64(2)),
            cancellationToken, ("$c", conversationId))).SingleOrDefault();

    public async Task<bool> StartAsync(string conversationId, string? userId, CancellationToken cancellationToken)
    {
        using var writeTurn = await database.WriteTurnAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection,
            "INSERT INTO directline_conversations(conversation_id, user_id, started, first_seq, last_seq, updated_at) VALUES($c, $user, 1, 1, 0, $now) " +
            "ON CONFLICT(conversation_id) DO UPDATE SET started = 1, user_id = COALESCE(user_id, excluded.user_id), updated_at = excluded.updated_at " +
            "WHERE started = 0",
            ("$c", conversationId), ("$user", userId), ("$now", Ms(time.GetUtcNow())));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public Task<long> AppendAsync(string conversationId, string? userId, IReadOnlyList<string> activities, DirectLineRetention retention,
        CancellationToken cancellationToken)
    {
        var append = new PendingAppend(conversationId, userId, activities, retention.SizesToAppend(activities), retention);
        return _appends.Writer.TryWrite(append) ? append.Done.Task.WaitAsync(cancellationToken) : throw new ObjectDisposedException(nameof(SqliteDirectLineTranscript));
    }

    /// <summary>
    /// The one writer of appends: whatever appends wait when it gets the file's write turn are written in one transaction
    /// (a Direct Line turn appends twice, the echo and the replies, so one transaction each would triple the turn's writes),
    /// then each caller gets its first number and the observers are told, in commit order.
    /// </summary>
    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>();
        var firsts = new List<long>();
        while (await _appends.Reader.WaitToReadAsync())
        {
            batch.Clear();
            firsts.Clear();
            try
            {
                using var writeTurn = await database.WriteTurnAsync(CancellationToken.None);
                while (batch.Count < 256 && _appends.Reader.TryRead(out var append))
                {
                    batch.Add(append);
                }
                using var transaction = _writer.Value.BeginTransaction(deferred: false);
                var now = SqliteDatabase.Ms(time.GetUtcNow());
                foreach (var append in batch)
                {
                    firsts.Add(Write(append, transaction, now));
                }
                transaction.Commit();
            }
            catch (Exception e)
            {
                foreach (var append in batch)
                {
                    append.Done.TrySetException(e);
                }
                continue;
            }
            for (var i = 0; i < batch.Count; i++)
            {
                var append = batch[i];
                observers.Appended(new DirectLineAppended(append.ConversationId, firsts[i], firsts[i] + append.Activities.Count - 1, append.Activities));
                append.Done.TrySetResult(firsts[i]);
            }
        }
    }

    private long Write(PendingAppend append, SqliteTransaction transaction, long now)
    {
        var sizes = append.Sizes;
        var upsert = _upsert.Value;
        upsert.Transaction = transaction;
        (upsert.Parameters["$c"].Value, upsert.Parameters["$user"].Value) = (append.ConversationId, (object?)append.UserId ?? DBNull.Value);
        (upsert.Parameters["$n"].Value, upsert.Parameters["$bytes"].Value, upsert.Parameters["$now"].Value) = ((long)append.Activities.Count, sizes.Sum(s => (long)s), now);
        long kept, last, bytes;
        using (var reader = upsert.ExecuteReader())
        {
            reader.Read();
            (kept, last, bytes) = (reader.GetInt64(1) - reader.GetInt64(0) + 1, reader.GetInt64(1), reader.GetInt64(2));
        }
        var first = last - append.Activities.Count + 1;
        var insert = _insert.Value;
        insert.Transaction = transaction;
        insert.Parameters["$c"].Value = append.ConversationId;
        for (var i = 0; i < append.Activities.Count; i++)
        {
            (insert.Parameters["$seq"].Value, insert.Parameters["$activity"].Value, insert.Parameters["$bytes"].Value) = (first + i, append.Activities[i], sizes[i]);
            insert.ExecuteNonQuery();
        }
        if (append.Retention.IsOver(kept, bytes))
        {
            Trim(_writer.Value, transaction, append.ConversationId, append.Retention, kept, bytes);
        }
        return first;
    }

    /// <summary>Drops the oldest activities (<see cref="DirectLineRetention.TrimTo"/>), reading only their sizes.</summary>
    private static void Trim(SqliteConnection connection, SqliteTransaction transaction, string conversationId, DirectLineRetention retention,
        long count, long bytes)
    {
        long cut, left;
        using (var sizes = Command(connection, "SELECT seq, bytes FROM directline_activities WHERE conversation_id = $c ORDER BY seq", ("$c", conversationId)))
        {
            sizes.Transaction = transaction;
            using var reader = sizes.ExecuteReader();
            (cut, left) = retention.TrimTo(Rows(reader), count, bytes);
        }
        using var trim = Command(connection,
            "DELETE FROM directline_activities WHERE conversation_id = $c AND seq <= $cut; " +
            "UPDATE directline_conversations SET first_seq = $cut + 1, bytes = $left WHERE conversation_id = $c",
            ("$c", conversationId), ("$cut", cut), ("$left", left));
        trim.Transaction = transaction;
        trim.ExecuteNonQuery();

        static IEnumerable<(long, long)> Rows(SqliteDataReader reader)
        {
            while (reader.Read())
            {
                yield return (reader.GetInt64(0), reader.GetInt64(1));
            }
        }
    }

    public async Task<DirectLinePage?> ReadAsync(string conversationId, long after, int max, CancellationToken cancellationToken)
    {
        long? last = null;
        var entries = new List<DirectLineEntry>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection,
            "SELECT c.last_seq, a.seq, a.activity FROM directline_conversations c " +
            "LEFT JOIN directline_activities a ON a.conversation_id = c.conversation_id AND a.seq > $after " +
            "WHERE c.conversation_id = $c ORDER BY a.seq LIMIT $max",
            ("$c", conversationId), ("$after", after), ("$max", (long)max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            last = reader.GetInt64(0);
            if (!reader.IsDBNull(1))
            {
                entries.Add(new DirectLineEntry(reader.GetInt64(1), reader.GetString(2)));
            }
        }
        return last is { } lastSequence ? new DirectLinePage(entries, lastSequence) : null;
    }

    public async Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken)
    {
        var removed = 0;
        while (true)
        {
            // In small batches, so turns waiting for the write turn are not held up by a large clean-up.
            using var writeTurn = await database.WriteTurnAsync(cancellationToken);
            await using var connection = await database.OpenAsync(cancellationToken);
            using var transaction = connection.BeginTransaction(deferred: false);
            await using var remove = Command(connection,
                "CREATE TEMP TABLE IF NOT EXISTS directline_idle(conversation_id TEXT PRIMARY KEY); DELETE FROM directline_idle; " +
                "INSERT INTO directline_idle SELECT conversation_id FROM directline_conversations WHERE updated_at < $before LIMIT 500; " +
                "DELETE FROM directline_activities WHERE conversation_id IN (SELECT conversation_id FROM directline_idle); " +
                "DELETE FROM directline_conversations WHERE conversation_id IN (SELECT conversation_id FROM directline_idle); " +
                "SELECT COUNT(*) FROM directline_idle;",
                ("$before", Ms(idleSince)));
            remove.Transaction = transaction;
            var batch = Convert.ToInt32(await remove.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            transaction.Commit();
            removed += batch;
            if (batch < 500)
            {
                return removed;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _appends.Writer.TryComplete();
        await _writeLoop;
        CloseWriter();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _appends.Writer.TryComplete();
        _writeLoop.GetAwaiter().GetResult();
        CloseWriter();
    }

    private void CloseWriter()
    {
        if (_writer.IsValueCreated)
        {
            foreach (var command in new[] { _upsert, _insert }.Where(c => c.IsValueCreated))
            {
                command.Value.Dispose();
            }
            _writer.Value.Dispose();
        }
    }
}
