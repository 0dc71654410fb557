using Microsoft.Data.Sqlite;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>
/// The bot's SQLite file, once per process: created with its folder and migrated when this is made, then the one place
/// every SQLite store opens connections from and takes its write turn (<see cref="SqliteWriteGate"/>).
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _pooled;
    private readonly string _dedicated;

    public SqliteDatabase(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The SQLite path is empty: set GuidanceBot:Storage:SqlitePath to a file.", nameof(path));
        }
        FilePath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        _pooled = SqliteConnections.ConnectionString(FilePath);
        _dedicated = SqliteConnections.ConnectionString(FilePath, pooling: false);
        // Migrated on a pooled connection, which stays open in the pool: the file's WAL is then never closed and
        // re-created under the store (measured: with the last connection closed here, the store's WAL stopped restarting).
        using var connection = Open();
        MigrationsApplied = SqliteSchema.Migrate(connection);
        SchemaVersion = SqliteSchema.Latest;
    }

    /// <summary>The absolute path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>The schema version the file is at.</summary>
    public int SchemaVersion { get; }

    /// <summary>How many migrations opening it applied.</summary>
    public int MigrationsApplied { get; }

    /// <summary>A pooled connection for one operation.</summary>
    public SqliteConnection Open() => SqliteConnections.Open(_pooled);

    /// <summary>A pooled connection for one operation.</summary>
    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => SqliteConnections.OpenAsync(_pooled, cancellationToken);

    /// <summary>A connection outside the pool, for a component that keeps it (the store's writer and readers): closing it closes the file.</summary>
    public SqliteConnection OpenDedicated() => SqliteConnections.Open(_dedicated);

    /// <summary>This process's turn to write to the file; hold it around each write transaction.</summary>
    public ValueTask<SqliteWriteGate.Turn> WriteTurnAsync(CancellationToken cancellationToken) => SqliteWriteGate.EnterAsync(FilePath, cancellationToken);

    /// <summary>One statement that writes, in this process's write turn, on a connection of its own; returns the rows changed.</summary>
    public async Task<int> WriteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var writeTurn = await WriteTurnAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One statement that reads a single value.</summary>
    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>One query, each row mapped by <paramref name="map"/>.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> map, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    /// <summary>Milliseconds since 1970, as the tables keep times.</summary>
    public static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static DateTimeOffset? At(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(column));
}
