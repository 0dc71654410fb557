using GuidanceBot.Storage.Postgres;
using GuidanceBot.Storage.Sqlite;
using Npgsql;

namespace GuidanceBot.Storage;

/// <summary>The configured database as operators see it: where it is (never a password) and its schema version.</summary>
public interface IStorageDatabase
{
    /// <summary>Where the data is, e.g. a file path or host, port, database and user.</summary>
    string Description { get; }

    /// <summary>The schema version the database is at (migrations run when the database is first opened).</summary>
    int SchemaVersion { get; }

    /// <summary>How many migrations this process applied when it opened the database.</summary>
    int MigrationsApplied { get; }
}

/// <summary>Adapts each provider's database object to <see cref="IStorageDatabase"/>.</summary>
internal sealed class StorageDatabase : IStorageDatabase
{
    public StorageDatabase(SqliteDatabase database) =>
        (Description, SchemaVersion, MigrationsApplied) = ($"SQLite {database.FilePath}", database.SchemaVersion, database.MigrationsApplied);

    public StorageDatabase(PostgresDatabase database) =>
        (Description, SchemaVersion, MigrationsApplied) = ($"PostgreSQL {database.Description}", database.SchemaVersion, database.MigrationsApplied);

    public string Description { get; }

    public int SchemaVersion { get; }

    public int MigrationsApplied { get; }
}
