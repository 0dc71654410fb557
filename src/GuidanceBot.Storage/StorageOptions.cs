namespace GuidanceBot.Storage;

/// <summary>Settings under <c>GuidanceBot:Storage</c>, and the connection string <c>ConnectionStrings:GuidanceBot</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "GuidanceBot:Storage";

    /// <summary>The name of the PostgreSQL connection string: <c>ConnectionStrings:GuidanceBot</c> (environment <c>ConnectionStrings__GuidanceBot</c>).</summary>
    public const string ConnectionStringName = "GuidanceBot";

    /// <summary><see cref="StorageProvider.Sqlite"/> (default, nothing to install) or <see cref="StorageProvider.Postgres"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite database file; created with its folder on first run.</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "guidancebot.db");

    /// <summary>PostgreSQL: apply the schema migrations at start-up (default). Off: start-up refuses an outdated schema and an operator runs <c>guidancebot migrate</c>.</summary>
    public bool MigrateAtStartup { get; set; } = true;
}

/// <summary>Where GuidanceBot keeps its data.</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file: one host.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (<c>ConnectionStrings:GuidanceBot</c>): many hosts.</summary>
    Postgres,
}
