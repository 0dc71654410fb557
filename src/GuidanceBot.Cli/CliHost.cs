using GuidanceBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.Cli;

/// <summary>
/// The services a CLI command runs on: the same configuration sources (appsettings.json, environment variables) and the
/// same storage registration as the web host, so every command reaches the same database. <c>--sqlite PATH</c> picks
/// SQLite and that file for this run, <c>--connection CONNECTION-STRING</c> PostgreSQL and that database.
/// </summary>
public static class CliHost
{
    public static IHost Build(CommandLine options, Action<IServiceCollection, IConfiguration>? addServices = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (options.Named.TryGetValue("sqlite", out var path))
        {
            builder.Configuration[$"{StorageOptions.Section}:Provider"] = nameof(StorageProvider.Sqlite);
            builder.Configuration[$"{StorageOptions.Section}:SqlitePath"] = path;
        }
        if (options.Named.TryGetValue("connection", out var connection))
        {
            builder.Configuration[$"{StorageOptions.Section}:Provider"] = nameof(StorageProvider.Postgres);
            builder.Configuration[$"ConnectionStrings:{StorageOptions.ConnectionStringName}"] = connection;
        }
        builder.Services.AddGuidanceBot(builder.Configuration, development: false);
        builder.Services.AddGuidanceBotStorage(builder.Configuration);
        addServices?.Invoke(builder.Services, builder.Configuration);
        return builder.Build();
    }
}
