using GuidanceBot.Storage;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>Connections to the bot's SQLite file for the Zalo tables (created by the store's migrations).</summary>
public sealed class ZaloDatabase
{
    private readonly string _connectionString;
    private readonly string _path;

    // Taking the store first makes sure its migrations (which create the zalo_* tables) have run.
    public ZaloDatabase(SqliteStore store)
    {
        _path = store.FilePath;
        _connectionString = SqliteConnections.ConnectionString(store.FilePath);
    }

    /// <summary>This process's turn to write to the file (see <see cref="SqliteWriteGate"/>); hold it around each write.</summary>
    public ValueTask<SqliteWriteGate.Turn> WriteTurnAsync(CancellationToken cancellationToken) => SqliteWriteGate.EnterAsync(_path, cancellationToken);

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => SqliteConnections.OpenAsync(_connectionString, cancellationToken);

    /// <summary>One statement that writes, in this process's write turn, on a connection of its own.</summary>
    public async Task<int> WriteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var writeTurn = await WriteTurnAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
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
}
