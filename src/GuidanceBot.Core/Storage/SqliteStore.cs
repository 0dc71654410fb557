using System.Collections.Concurrent;
using System.Text.Json;
using GuidanceBot.Analytics;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.Storage;

/// <summary>
/// The embedded default store: conversation state and analytics events in one SQLite file (WAL).
/// One writer connection serialises writes, as SQLite would anyway; reads use their own connections.
/// </summary>
public sealed class SqliteStore : IConversationStore, IAnalyticsSink, IAsyncDisposable, IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SqliteConnection _writer;
    private readonly SqliteCommand _insertState;
    private readonly SqliteCommand _updateState;
    private readonly SqliteCommand _insertEvent;
    private readonly ConcurrentBag<SqliteConnection> _readers = new();

    public SqliteStore(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        FilePath = full;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();

        _writer = Open();
        SqliteSchema.Migrate(_writer);

        _insertState = Prepare(_writer,
            "INSERT INTO conversations(key, state, etag, updated_at) VALUES($key, $state, $etag, $now) ON CONFLICT(key) DO NOTHING",
            "$key", "$state", "$etag", "$now");
        _updateState = Prepare(_writer,
            "UPDATE conversations SET state = $state, etag = $etag, updated_at = $now WHERE key = $key AND etag = $old",
            "$key", "$state", "$etag", "$now", "$old");
        _insertEvent = Prepare(_writer,
            "INSERT INTO events(conversation_id, channel, run_id, flow_id, content_version, step_id, kind, ts, props) " +
            "VALUES($conv, $channel, $run, $flow, $version, $step, $kind, $ts, $props)",
            "$conv", "$channel", "$run", "$flow", "$version", "$step", "$kind", "$ts", "$props");
    }

    /// <summary>The absolute path of the database file.</summary>
    public string FilePath { get; }

    public async Task<StoredConversation?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var connection = RentReader();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT state, etag FROM conversations WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new StoredConversation(reader.GetString(0), reader.GetString(1))
                : null;
        }
        finally
        {
            _readers.Add(connection);
        }
    }

    public async Task<string?> SaveAsync(string key, string json, string? expectedETag, IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken)
    {
        var etag = Guid.NewGuid().ToString("N");
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            // IMMEDIATE takes the write lock up front, so a second process on the same file waits instead of failing mid-way.
            using var transaction = _writer.BeginTransaction(deferred: false);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            SqliteCommand command;
            if (expectedETag is null)
            {
                command = _insertState;
            }
            else
            {
                command = _updateState;
                command.Parameters["$old"].Value = expectedETag;
            }
            command.Transaction = transaction;
            command.Parameters["$key"].Value = key;
            command.Parameters["$state"].Value = json;
            command.Parameters["$etag"].Value = etag;
            command.Parameters["$now"].Value = now;
            if (command.ExecuteNonQuery() == 0)
            {
                transaction.Rollback();
                return null;
            }
            InsertEvents(events, transaction);
            transaction.Commit();
            return etag;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task AppendAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            using var transaction = _writer.BeginTransaction(deferred: false);
            InsertEvents(events, transaction);
            transaction.Commit();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<IReadOnlyList<AnalyticsEvent>> ReadAsync(string? conversationId, CancellationToken cancellationToken)
    {
        var connection = RentReader();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT conversation_id, channel, run_id, flow_id, content_version, step_id, kind, ts, props FROM events " +
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
            command.Parameters["$ts"].Value = e.Timestamp.ToUnixTimeMilliseconds();
            command.Parameters["$props"].Value = e.Properties is { Count: > 0 } p
                ? JsonSerializer.Serialize(p, StorageJson.Default.IReadOnlyDictionaryStringString)
                : DBNull.Value;
            command.ExecuteNonQuery();
        }
    }

    private SqliteConnection RentReader() => _readers.TryTake(out var connection) ? connection : Open();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // WAL lets readers run beside the writer; NORMAL sync is durable across application crashes in WAL mode.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";
        pragma.ExecuteNonQuery();
        return connection;
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
        _insertState.Dispose();
        _updateState.Dispose();
        _insertEvent.Dispose();
        _writer.Dispose();
        while (_readers.TryTake(out var connection))
        {
            connection.Dispose();
        }
        _writeGate.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
