using GuidanceBot.Channels.DirectLine;
using Microsoft.Data.Sqlite;
using static GuidanceBot.Storage.Sqlite.SqliteDatabase;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>
/// The Direct Line transcript in <c>directline_conversations</c> and <c>directline_activities</c> (keyed by conversation
/// and number). One host per file, so every append is this process's own: its observers are told in process, with the
/// activities, once the append has committed.
/// </summary>
public sealed class SqliteDirectLineTranscript(SqliteDatabase database, DirectLineObservers observers, TimeProvider time) : IDirectLineTranscript
{
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

    public async Task<long> AppendAsync(string conversationId, string? userId, IReadOnlyList<string> activities, DirectLineRetention retention,
        CancellationToken cancellationToken)
    {
        retention.Check(activities);
        if (activities.Count == 0)
        {
            throw new ArgumentException("Append at least one activity.", nameof(activities));
        }
        var sizes = activities.Select(a => (long)System.Text.Encoding.UTF8.GetByteCount(a)).ToList();
        var now = time.GetUtcNow();
        long first, last;
        using (var writeTurn = await database.WriteTurnAsync(cancellationToken))
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            using var transaction = connection.BeginTransaction(deferred: false);
            long kept, bytes;
            await using (var upsert = Command(connection,
                "INSERT INTO directline_conversations(conversation_id, user_id, first_seq, last_seq, bytes, updated_at) VALUES($c, $user, $base + 1, $base + $n, $bytes, $now) " +
                "ON CONFLICT(conversation_id) DO UPDATE SET last_seq = last_seq + $n, bytes = bytes + $bytes, updated_at = $now " +
                "RETURNING first_seq, last_seq, bytes",
                ("$c", conversationId), ("$user", userId), ("$base", Ms(now)), ("$n", (long)activities.Count), ("$bytes", sizes.Sum()), ("$now", Ms(now))))
            {
                upsert.Transaction = transaction;
                await using var reader = await upsert.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                (kept, last, bytes) = (reader.GetInt64(1) - reader.GetInt64(0) + 1, reader.GetInt64(1), reader.GetInt64(2));
            }
            first = last - activities.Count + 1;
            await using (var insert = Command(connection, "INSERT INTO directline_activities(conversation_id, seq, activity, bytes) VALUES($c, $seq, $activity, $bytes)"))
            {
                insert.Transaction = transaction;
                var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
                var activity = insert.Parameters.Add("$activity", SqliteType.Text);
                var size = insert.Parameters.Add("$bytes", SqliteType.Integer);
                insert.Parameters.AddWithValue("$c", conversationId);
                for (var i = 0; i < activities.Count; i++)
                {
                    (seq.Value, activity.Value, size.Value) = (first + i, activities[i], sizes[i]);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            if (kept > retention.MaxActivities || bytes > retention.MaxConversationBytes)
            {
                await TrimAsync(connection, transaction, conversationId, retention, cancellationToken);
            }
            transaction.Commit();
        }
        observers.Appended(new DirectLineAppended(conversationId, first, last, activities));
        return first;
    }

    /// <summary>Drops the oldest activities until the newest ones fit the count and byte bounds.</summary>
    private static async Task TrimAsync(SqliteConnection connection, SqliteTransaction transaction, string conversationId, DirectLineRetention retention,
        CancellationToken cancellationToken)
    {
        await using var trim = Command(connection,
            "WITH cut AS (SELECT COALESCE(MAX(seq), 0) AS seq FROM (" +
            "  SELECT seq, SUM(bytes) OVER (ORDER BY seq DESC) AS kept_bytes, ROW_NUMBER() OVER (ORDER BY seq DESC) AS kept " +
            "  FROM directline_activities WHERE conversation_id = $c) WHERE kept_bytes > $max_bytes OR kept > $max) " +
            "DELETE FROM directline_activities WHERE conversation_id = $c AND seq <= (SELECT seq FROM cut); " +
            "UPDATE directline_conversations SET " +
            "  first_seq = COALESCE((SELECT MIN(seq) FROM directline_activities WHERE conversation_id = $c), last_seq + 1), " +
            "  bytes = (SELECT COALESCE(SUM(bytes), 0) FROM directline_activities WHERE conversation_id = $c) " +
            "WHERE conversation_id = $c",
            ("$c", conversationId), ("$max", (long)retention.MaxActivities), ("$max_bytes", retention.MaxConversationBytes));
        trim.Transaction = transaction;
        await trim.ExecuteNonQueryAsync(cancellationToken);
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
}
