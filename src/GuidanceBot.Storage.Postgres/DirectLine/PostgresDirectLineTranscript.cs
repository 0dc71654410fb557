using GuidanceBot.Channels.DirectLine;
using NpgsqlTypes;

namespace GuidanceBot.Storage.Postgres;

/// <summary>
/// The Direct Line transcript in <c>directline_conversations</c> and <c>directline_activities</c> (primary key
/// conversation id, number), shared by every instance. An append is one statement: it numbers the activities under the
/// conversation row's lock (so appends from two instances never interleave), stores them and sends
/// <c>NOTIFY directline</c> with the conversation and numbers, which PostgreSQL delivers to every listening instance
/// when it commits (<see cref="PostgresDirectLineListener"/>). This instance's observers are told directly, with the activities.
/// </summary>
public sealed class PostgresDirectLineTranscript(PostgresDatabase database, PostgresDirectLineListener listener, DirectLineObservers observers, TimeProvider time)
    : IDirectLineTranscript
{
    public async Task<DirectLineConversationRecord?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        (await database.QueryAsync(
            "SELECT user_id, started, last_seq FROM directline_conversations WHERE conversation_id = @c",
            r => new DirectLineConversationRecord(conversationId, r.IsDBNull(0) ? null : r.GetString(0), r.GetBoolean(1), r.GetInt64(2)),
            cancellationToken, ("c", conversationId))).SingleOrDefault();

    public async Task<bool> StartAsync(string conversationId, string? userId, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "INSERT INTO directline_conversations AS c (conversation_id, user_id, started, first_seq, last_seq, updated_at) VALUES(@c, @user, true, 1, 0, @now) " +
            "ON CONFLICT (conversation_id) DO UPDATE SET started = true, user_id = COALESCE(c.user_id, excluded.user_id), updated_at = excluded.updated_at " +
            "WHERE NOT c.started",
            cancellationToken, ("c", conversationId), ("user", userId), ("now", time.GetUtcNow().ToUniversalTime())) == 1;

    public async Task<long> AppendAsync(string conversationId, string? userId, IReadOnlyList<string> activities, DirectLineRetention retention,
        CancellationToken cancellationToken)
    {
        var sizes = retention.SizesToAppend(activities);
        var now = time.GetUtcNow();
        await using var command = database.Command(
            "WITH c AS (" +
            "  INSERT INTO directline_conversations AS c (conversation_id, user_id, first_seq, last_seq, bytes, updated_at) " +
            "  VALUES(@c, @user, @base + 1, @base + @n, @bytes, @now) " +
            "  ON CONFLICT (conversation_id) DO UPDATE SET last_seq = c.last_seq + @n, bytes = c.bytes + @bytes, updated_at = @now " +
            "  RETURNING first_seq, last_seq, bytes), " +
            "a AS (" +
            "  INSERT INTO directline_activities(conversation_id, seq, bytes, activity) " +
            "  SELECT @c, c.last_seq - @n + x.ord, x.size, x.activity FROM c, unnest(@activities, @sizes) WITH ORDINALITY AS x(activity, size, ord)) " +
            "SELECT first_seq, last_seq, bytes, pg_notify(@channel, @instance || ' ' || @c || ' ' || (last_seq - @n + 1) || ' ' || last_seq) FROM c",
            ("c", conversationId), ("user", userId), ("base", now.ToUnixTimeMilliseconds()), ("n", (long)activities.Count),
            ("bytes", (long)sizes.Sum()), ("now", now.ToUniversalTime()), ("channel", PostgresDirectLineListener.Channel), ("instance", listener.InstanceId));
        command.Parameters.AddWithValue("activities", NpgsqlDbType.Array | NpgsqlDbType.Text, activities.ToArray());
        command.Parameters.AddWithValue("sizes", NpgsqlDbType.Array | NpgsqlDbType.Integer, sizes);
        long kept, last, bytes;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (kept, last, bytes) = (reader.GetInt64(1) - reader.GetInt64(0) + 1, reader.GetInt64(1), reader.GetInt64(2));
        }
        var first = last - activities.Count + 1;
        if (retention.IsOver(kept, bytes))
        {
            await TrimAsync(conversationId, retention, cancellationToken);
        }
        observers.Appended(new DirectLineAppended(conversationId, first, last, activities));
        return first;
    }

    /// <summary>
    /// Drops the oldest activities (<see cref="DirectLineRetention.TrimTo"/>), reading only their sizes, in a transaction
    /// that holds the conversation's row, so instances trimming at once take turns and the kept count and bytes stay right.
    /// </summary>
    private async Task TrimAsync(string conversationId, DirectLineRetention retention, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long count, bytes;
        await using (var row = PostgresDatabase.Command(connection,
            "SELECT last_seq - first_seq + 1, bytes FROM directline_conversations WHERE conversation_id = @c FOR UPDATE", ("c", conversationId)))
        await using (var reader = await row.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return;
            }
            (count, bytes) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        if (!retention.IsOver(count, bytes))
        {
            return;
        }
        var sizes = new List<(long, long)>();
        await using (var rows = PostgresDatabase.Command(connection,
            "SELECT seq, bytes FROM directline_activities WHERE conversation_id = @c ORDER BY seq", ("c", conversationId)))
        await using (var reader = await rows.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                sizes.Add((reader.GetInt64(0), reader.GetInt32(1)));
            }
        }
        var (cut, left) = retention.TrimTo(sizes, count, bytes);
        await using (var trim = PostgresDatabase.Command(connection,
            "DELETE FROM directline_activities WHERE conversation_id = @c AND seq <= @cut; " +
            "UPDATE directline_conversations SET first_seq = @cut + 1, bytes = @left WHERE conversation_id = @c",
            ("c", conversationId), ("cut", cut), ("left", left)))
        {
            await trim.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<DirectLinePage?> ReadAsync(string conversationId, long after, int max, CancellationToken cancellationToken)
    {
        long? last = null;
        var entries = new List<DirectLineEntry>();
        await using var command = database.Command(
            "SELECT c.last_seq, a.seq, a.activity FROM directline_conversations c " +
            "LEFT JOIN LATERAL (SELECT seq, activity FROM directline_activities " +
            "  WHERE conversation_id = c.conversation_id AND seq > @after ORDER BY seq LIMIT @max) a ON true " +
            "WHERE c.conversation_id = @c ORDER BY a.seq",
            ("c", conversationId), ("after", after), ("max", max));
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
        const int batch = 500;
        var removed = 0;
        while (true)
        {
            // In small batches, so no statement holds many rows' locks; SKIP LOCKED leaves a conversation being appended to.
            var count = Convert.ToInt32(await database.ScalarAsync(
                "WITH gone AS (DELETE FROM directline_conversations WHERE conversation_id IN (" +
                "  SELECT conversation_id FROM directline_conversations WHERE updated_at < @before LIMIT @batch FOR UPDATE SKIP LOCKED) " +
                "  RETURNING conversation_id), " +
                "activities AS (DELETE FROM directline_activities a USING gone WHERE a.conversation_id = gone.conversation_id) " +
                "SELECT COUNT(*) FROM gone",
                cancellationToken, ("before", idleSince.ToUniversalTime()), ("batch", batch)), System.Globalization.CultureInfo.InvariantCulture);
            removed += count;
            if (count < batch)
            {
                return removed;
            }
        }
    }
}
