using Npgsql;

namespace GuidanceBot.Storage.Postgres;

/// <summary>
/// The bot's PostgreSQL database, once per process: one <see cref="NpgsqlDataSource"/> (its connection pool) that every
/// PostgreSQL store opens connections from, migrated when this is made. Stores take this object, never the data source
/// itself; the one listener that must hold a connection outside the pool gets it from <see cref="OpenDedicatedAsync"/>.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private readonly string _dedicated;

    /// <param name="migrate">Apply missing migrations; when false, an outdated schema is refused (an operator runs <c>guidancebot migrate</c>).</param>
    public PostgresDatabase(string connectionString, bool migrate = true)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Every turn runs the same few statements: prepared once per physical connection.
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        // A database that is down must fail requests quickly instead of holding them (see docs/configuration.md).
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = 5;
        }
        // The stores set no session state, so a connection going back to the pool needs no reset (one statement less per rental).
        builder.NoResetOnClose = true;
        builder.ApplicationName ??= "guidancebot";
        Description = Describe(builder);
        DataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        _dedicated = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Pooling = false, MaxAutoPrepare = 0 }.ConnectionString;
        if (migrate)
        {
            MigrationsApplied = PostgresSchema.Migrate(DataSource);
        }
        SchemaVersion = PostgresSchema.Current(DataSource);
        if (SchemaVersion < PostgresSchema.Latest)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {SchemaVersion}; this build needs {PostgresSchema.Latest}. Run `guidancebot migrate` first.");
        }
        Partitions = new PostgresEventPartitions(DataSource);
        Partitions.EnsureAround(DateTimeOffset.UtcNow);
    }

    /// <summary>The schema version the database is at.</summary>
    public int SchemaVersion { get; }

    /// <summary>How many migrations opening it applied.</summary>
    public int MigrationsApplied { get; }

    /// <summary>The pool every store shares.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Host, port, database and user, never the password: for messages to operators.</summary>
    public string Description { get; }

    /// <summary>The monthly partitions of the events table.</summary>
    internal PostgresEventPartitions Partitions { get; }

    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"Host={builder.Host};Port={builder.Port};Database={builder.Database};Username={builder.Username}";

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => DataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// A connection outside the pool, for a component that holds it for a long time and leaves session state on it
    /// (LISTEN): it never goes back to the pool, so no store gets a connection that is still listening.
    /// </summary>
    public async Task<NpgsqlConnection> OpenDedicatedAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_dedicated);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>One statement; returns the rows changed.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One statement that reads a single value (null for no row or NULL).</summary>
    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>One query, each row mapped by <paramref name="map"/>.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    /// <summary>A command on the data source (a pooled connection for the one statement).</summary>
    public NpgsqlCommand Command(string sql, params (string Name, object? Value)[] parameters) => With(DataSource.CreateCommand(sql), parameters);

    /// <summary>A command on a connection (inside a transaction when there is one).</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        With(new NpgsqlCommand(sql, connection), parameters);

    private static NpgsqlCommand With(NpgsqlCommand command, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    public static DateTimeOffset? At(NpgsqlDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : reader.GetFieldValue<DateTimeOffset>(column);

    public void Dispose() => DataSource.Dispose();

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
