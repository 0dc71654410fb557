using System.CommandLine;
using GuidanceBot.Storage;
using Microsoft.Extensions.Configuration;

namespace GuidanceBot.Cli;

/// <summary>
/// <c>--sqlite PATH</c> and <c>--connection CONNECTION-STRING</c>, defined once on the root command and accepted by every
/// command after it: they pick the database for this run over GuidanceBot:Storage:* and ConnectionStrings:GuidanceBot.
/// </summary>
public sealed class DatabaseOptions
{
    public Option<string?> Sqlite { get; } = new("--sqlite")
    {
        Description = "Use this SQLite file for this run (created when missing).",
        HelpName = "PATH",
        Recursive = true,
    };

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "Use this PostgreSQL database for this run (a connection string, e.g. \"Host=db;Database=guidancebot;Username=bot\").",
        HelpName = "CONNECTION-STRING",
        Recursive = true,
    };

    /// <summary>Writes the chosen database, if any, over the configuration the storage layer reads.</summary>
    public void ApplyTo(ParseResult parse, IConfiguration configuration)
    {
        if (parse.GetValue(Sqlite) is { } path)
        {
            configuration[$"{StorageOptions.Section}:Provider"] = nameof(StorageProvider.Sqlite);
            configuration[$"{StorageOptions.Section}:SqlitePath"] = path;
        }
        if (parse.GetValue(Connection) is { } connection)
        {
            configuration[$"{StorageOptions.Section}:Provider"] = nameof(StorageProvider.Postgres);
            configuration[$"ConnectionStrings:{StorageOptions.ConnectionStringName}"] = connection;
        }
    }
}
