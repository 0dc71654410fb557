using System.Text.Json;
using System.Threading.Channels;
using GuidanceBot.Analytics;
using GuidanceBot.Engine;
using Npgsql;
using NpgsqlTypes;

namespace GuidanceBot.Storage.Postgres;

/// <summary>
/// Conversation state and analytics events in PostgreSQL. Writes go through one writer per instance that sends whatever
/// turns are waiting in one transaction and one round trip (group commit): each turn is one statement that saves its
/// state only if the stored ETag still matches and inserts its events only if the state was saved. Other instances
/// write the same rows concurrently; the ETag decides, and turns are applied in key order so two batches never deadlock.
/// </summary>
public sealed class PostgresConversationStore : IConversationStore, IAnalyticsSink, IIdleConversations, IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 256;

    // One statement per turn: the state row (insert for a new conversation, update under the ETag for a known one) and,
    // only when that row was written, the turn's events from arrays.
    private const string EventsFrom =
        "INSERT INTO events(conversation_id, ts, channel, run_id, flow_id, content_version, step_id, kind, language, props) " +
        "SELECT * FROM unnest(@e_conv::text[], @e_ts::timestamptz[], @e_channel::text[], @e_run::text[], @e_flow::text[], @e_version::text[], " +
        "@e_step::text[], @e_kind::text[], @e_lang::text[], @e_props::jsonb[])";

    private const string InsertState =
        "WITH s AS (INSERT INTO conversations(conversation_id, channel, state, etag, updated_at, active_at, swept_at) " +
        "VALUES(@id, @channel, @state, @etag, now(), @active, @swept) ON CONFLICT DO NOTHING RETURNING 1), " +
        "e AS (" + EventsFrom + " WHERE EXISTS (SELECT 1 FROM s)) SELECT COUNT(*) FROM s";

    private const string UpdateState =
        "WITH s AS (UPDATE conversations SET state = @state, etag = @etag, updated_at = now(), active_at = @active, swept_at = @swept " +
        "WHERE conversation_id = @id AND channel = @channel AND etag = @old RETURNING 1), " +
        "e AS (" + EventsFrom + " WHERE EXISTS (SELECT 1 FROM s)) SELECT COUNT(*) FROM s";

    private const string EventsOnly = "WITH e AS (" + EventsFrom + ") SELECT 1";

    private readonly PostgresDatabase _database;
    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writerLoop;

    public PostgresConversationStore(PostgresDatabase database)
    {
        _database = database;
        _writerLoop = Task.Run(WriteLoopAsync);
    }

    /// <summary>One turn's save (or, with no key, events alone) waiting for the writer.</summary>
    private sealed record PendingWrite(ConversationKey? Key, ConversationWrite? State, string? ExpectedETag, IReadOnlyList<AnalyticsEvent> Events)
    {
        public TaskCompletionSource<string?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string? NewETag { get; set; }
    }

    public async Task<StoredConversation?> LoadAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        await using var command = _database.Command("SELECT state, etag FROM conversations WHERE conversation_id = @id AND channel = @channel",
            ("id", key.Id), ("channel", key.Channel));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredConversation(reader.GetString(0), reader.GetString(1)) : null;
    }

    public Task<string?> SaveAsync(ConversationKey key, ConversationWrite state, string? expectedETag, IReadOnlyList<AnalyticsEvent> events,
        CancellationToken cancellationToken) =>
        EnqueueAsync(new PendingWrite(key, state, expectedETag, events));

    public Task AppendAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken) =>
        events.Count == 0 ? Task.CompletedTask : EnqueueAsync(new PendingWrite(null, null, null, events));

    private Task<string?> EnqueueAsync(PendingWrite write) =>
        _writes.Writer.TryWrite(write) ? write.Done.Task : throw new ObjectDisposedException(nameof(PostgresConversationStore));

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>();
        while (await _writes.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }
            // Rows are locked in key order in every instance's batches, so two batches wait for each other but never deadlock.
            batch.Sort(static (a, b) => (a.Key, b.Key) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                var (x, y) => string.CompareOrdinal(x.Id, y.Id) is var c and not 0 ? c : string.CompareOrdinal(x.Channel, y.Channel),
            });
            bool[] saved;
            try
            {
                saved = await CommitAsync(batch);
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
                batch[i].Done.TrySetResult(saved[i] ? batch[i].NewETag ?? "" : null);
            }
        }
    }

    private async Task<bool[]> CommitAsync(List<PendingWrite> batch)
    {
        await _database.Partitions.EnsureForAsync(batch.SelectMany(w => w.Events).Select(e => e.Timestamp), CancellationToken.None);
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await using var commands = new NpgsqlBatch(connection, transaction);
        foreach (var write in batch)
        {
            commands.BatchCommands.Add(Statement(write));
        }
        var saved = new bool[batch.Count];
        await using (var reader = await commands.ExecuteReaderAsync())
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (await reader.ReadAsync())
                {
                    saved[i] = reader.GetInt64(0) > 0;
                }
                await reader.NextResultAsync();
            }
        }
        await transaction.CommitAsync();
        return saved;
    }

    private static NpgsqlBatchCommand Statement(PendingWrite write)
    {
        NpgsqlBatchCommand command;
        if (write.Key is not { } key)
        {
            command = new NpgsqlBatchCommand(EventsOnly);
        }
        else
        {
            command = new NpgsqlBatchCommand(write.ExpectedETag is null ? InsertState : UpdateState);
            write.NewETag = Guid.NewGuid().ToString("N");
            var state = write.State!;
            command.Parameters.Add(new NpgsqlParameter<string>("id", key.Id));
            command.Parameters.Add(new NpgsqlParameter<string>("channel", key.Channel));
            command.Parameters.Add(new NpgsqlParameter<string>("state", state.Json));
            command.Parameters.Add(new NpgsqlParameter<string>("etag", write.NewETag));
            command.Parameters.Add(Time("active", state.LastActivityAt));
            command.Parameters.Add(Time("swept", state.AbandonSweptAt));
            if (write.ExpectedETag is { } old)
            {
                command.Parameters.Add(new NpgsqlParameter<string>("old", old));
            }
        }
        var events = write.Events;
        command.Parameters.Add(Texts("e_conv", events.Select(e => e.ConversationId)));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("e_ts", events.Select(e => e.Timestamp.ToUniversalTime()).ToArray()));
        command.Parameters.Add(Texts("e_channel", events.Select(e => e.Channel)));
        command.Parameters.Add(Texts("e_run", events.Select(e => e.RunId)));
        command.Parameters.Add(Texts("e_flow", events.Select(e => e.FlowId)));
        command.Parameters.Add(Texts("e_version", events.Select(e => e.ContentVersion)));
        command.Parameters.Add(Texts("e_step", events.Select(e => e.StepId)));
        command.Parameters.Add(Texts("e_kind", events.Select(e => e.Kind)));
        command.Parameters.Add(Texts("e_lang", events.Select(e => e.Language)));
        command.Parameters.Add(Texts("e_props", events.Select(e => e.Properties is { Count: > 0 } p
            ? JsonSerializer.Serialize(p, PostgresJson.Default.IReadOnlyDictionaryStringString)
            : null)));
        return command;
    }

    private static NpgsqlParameter Texts(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.Select(v => (object?)v ?? DBNull.Value).ToArray() };

    private static NpgsqlParameter Time(string name, DateTimeOffset? value) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = value is { } v ? v.ToUniversalTime() : DBNull.Value };

    public async Task<IReadOnlyList<AnalyticsEvent>> ReadAsync(string? conversationId, CancellationToken cancellationToken) =>
        await _database.QueryAsync(
            "SELECT conversation_id, channel, run_id, flow_id, content_version, step_id, kind, ts, props::text, language FROM events " +
            (conversationId is null ? "" : "WHERE conversation_id = @conv ") + "ORDER BY id",
            r => new AnalyticsEvent(r.GetString(0), r.GetString(1), r.GetString(6), r.GetFieldValue<DateTimeOffset>(7))
            {
                RunId = r.IsDBNull(2) ? null : r.GetString(2),
                FlowId = r.IsDBNull(3) ? null : r.GetString(3),
                ContentVersion = r.IsDBNull(4) ? null : r.GetString(4),
                StepId = r.IsDBNull(5) ? null : r.GetString(5),
                Language = r.IsDBNull(9) ? null : r.GetString(9),
                Properties = r.IsDBNull(8) ? null : JsonSerializer.Deserialize(r.GetString(8), PostgresJson.Default.DictionaryStringString),
            },
            cancellationToken, conversationId is null ? [] : [("conv", conversationId)]);

    public Task<IReadOnlyList<ConversationKey>> FindIdleAsync(DateTimeOffset idleSince, int limit, CancellationToken cancellationToken) =>
        _database.QueryAsync(
            "SELECT channel, conversation_id FROM conversations WHERE (swept_at IS NULL OR swept_at < active_at) AND active_at < @before " +
            "ORDER BY active_at LIMIT @limit",
            r => new ConversationKey(r.GetString(0), r.GetString(1)),
            cancellationToken, ("before", idleSince.ToUniversalTime()), ("limit", limit));

    public void Dispose()
    {
        if (_writes.Writer.TryComplete())
        {
            _writerLoop.GetAwaiter().GetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_writes.Writer.TryComplete())
        {
            await _writerLoop;
        }
    }
}
