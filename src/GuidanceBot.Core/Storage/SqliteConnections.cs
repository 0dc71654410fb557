using Microsoft.Data.Sqlite;

namespace GuidanceBot.Storage;

/// <summary>Opens connections to the bot's SQLite file with the settings every part of the bot relies on.</summary>
public static class SqliteConnections
{
    // WAL lets readers run beside the writer; NORMAL sync is durable across application crashes in WAL mode;
    // the busy timeout makes a second writer (another process, the CLI) wait instead of failing.
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

    /// <summary>A connection string for the file; only the store creates it, the other parts expect it to exist.</summary>
    public static string ConnectionString(string path, bool create = false, bool pooling = true) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(path),
        Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
        Pooling = pooling,
        DefaultTimeout = 30,
    }.ToString();

    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = Pragmas;
        pragma.ExecuteNonQuery();
        return connection;
    }

    public static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = Pragmas;
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
