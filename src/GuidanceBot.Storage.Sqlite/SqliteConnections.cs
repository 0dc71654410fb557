using Microsoft.Data.Sqlite;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>Opens connections to the bot's SQLite file with the settings every part of the bot relies on.</summary>
public static class SqliteConnections
{
    // WAL lets readers run beside the writer; NORMAL sync is durable across application crashes in WAL mode;
    // the busy timeout makes a second writer (another process, the CLI) wait instead of failing. The store's background
    // connection checkpoints the WAL (see SqliteConversationStore); a writer's own checkpoint waits until 4,000 pages, where little
    // is left to copy, so no commit (a turn, a Zalo acknowledgement) pays for a full checkpoint.
    public const int AutoCheckpointPages = 4000;

    // secure_delete: the file holds citizens' words for a while (Zalo inbox, conversation state, transcripts); deleted or
    // cleared rows are overwritten with zeros instead of staying readable in free pages.
    private static readonly string Pragmas =
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint={AutoCheckpointPages}; " +
        "PRAGMA secure_delete=ON;";

    /// <summary>A connection string for the file, created on first open (<see cref="SqliteDatabase"/> makes its folder).</summary>
    public static string ConnectionString(string path, bool pooling = true) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(path),
        Mode = SqliteOpenMode.ReadWriteCreate,
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
