using Microsoft.Data.Sqlite;

namespace GuidanceBot.Storage;

/// <summary>Versioned schema of the SQLite store. Append a migration; never edit one that has shipped.</summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE conversations(
            key TEXT PRIMARY KEY,
            state TEXT NOT NULL,
            etag TEXT NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE TABLE events(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id TEXT NOT NULL,
            channel TEXT NOT NULL,
            run_id TEXT,
            flow_id TEXT,
            content_version TEXT,
            step_id TEXT,
            kind TEXT NOT NULL,
            ts INTEGER NOT NULL,
            props TEXT);
        CREATE INDEX ix_events_flow ON events(flow_id, ts);
        CREATE INDEX ix_events_conversation ON events(conversation_id, id);
        """,
    ];

    public static int Latest => Migrations.Length;

    public static void Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)";
            create.ExecuteNonQuery();
        }
        long current;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            current = (long)read.ExecuteScalar()!;
        }
        if (current > Migrations.Length)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this build knows ({Migrations.Length}). Upgrade GuidanceBot.");
        }
        for (var version = (int)current + 1; version <= Migrations.Length; version++)
        {
            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = Migrations[version - 1] + $"; INSERT INTO schema_version(version) VALUES({version});";
            migrate.ExecuteNonQuery();
        }
        transaction.Commit();
    }
}
