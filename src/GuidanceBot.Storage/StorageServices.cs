using GuidanceBot.Storage.Postgres;
using GuidanceBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GuidanceBot.Storage;

/// <summary>
/// The one registration of the storage layer, used by the web host and every CLI command: reads
/// <c>GuidanceBot:Storage:Provider</c>, registers every store of that provider over one database object (one connection
/// factory or pool per database), a start-up check that opens (and migrates) the database before the host serves
/// anything, and the "storage" health check tagged "ready".
/// </summary>
public static class StorageServices
{
    public const string HealthCheckName = "storage";
    public const string ReadyTag = "ready";
    public const string ConnectionStringSetting = "ConnectionStrings:" + StorageOptions.ConnectionStringName;

    public static IServiceCollection AddGuidanceBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Validate(o => o.Provider != StorageProvider.Sqlite || !string.IsNullOrWhiteSpace(o.SqlitePath), "GuidanceBot:Storage:SqlitePath must name a file.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // The provider decides which stores exist, so it is read now rather than when the options are first used.
        var provider = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.Provider ?? StorageProvider.Sqlite;
        var health = services.AddHealthChecks();
        switch (provider)
        {
            case StorageProvider.Postgres:
                services.AddPostgresStorage(sp => OpenPostgres(configuration, sp.GetRequiredService<IOptions<StorageOptions>>().Value));
                health.AddCheck<PostgresHealthCheck>(HealthCheckName, tags: [ReadyTag]);
                services.AddSingleton<IStorageDatabase>(sp => new StorageDatabase(sp.GetRequiredService<PostgresDatabase>()));
                break;
            default:
                services.AddSqliteStorage(sp => OpenSqlite(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
                health.AddCheck<SqliteHealthCheck>(HealthCheckName, tags: [ReadyTag]);
                services.AddSingleton<IStorageDatabase>(sp => new StorageDatabase(sp.GetRequiredService<SqliteDatabase>()));
                break;
        }
        services.AddHostedService<StorageStartupCheck>();
        return services;
    }

    private static SqliteDatabase OpenSqlite(StorageOptions options)
    {
        try
        {
            return new SqliteDatabase(options.SqlitePath);
        }
        catch (Exception e)
        {
            throw new StorageUnavailableException(
                $"The SQLite database GuidanceBot:Storage:SqlitePath = {options.SqlitePath} cannot be opened: {Reason(e)}", e);
        }
    }

    private static PostgresDatabase OpenPostgres(IConfiguration configuration, StorageOptions options)
    {
        var connectionString = ConnectionString(configuration);
        try
        {
            return new PostgresDatabase(connectionString, options.MigrateAtStartup);
        }
        catch (Exception e)
        {
            // Npgsql's messages name the host and user, never the password; Describe leaves it out too.
            throw new StorageUnavailableException(
                $"The PostgreSQL database in {ConnectionStringSetting} ({PostgresDatabase.Describe(new NpgsqlConnectionStringBuilder(connectionString))}) " +
                $"cannot be used: {Reason(e)}", e);
        }
    }

    /// <summary>The exception's message and, when different, its innermost cause (e.g. "Connection refused").</summary>
    private static string Reason(Exception e)
    {
        var inner = e;
        while (inner.InnerException is { } next)
        {
            inner = next;
        }
        return inner == e || e.Message.Contains(inner.Message, StringComparison.Ordinal) ? e.Message : $"{e.Message} ({inner.Message})";
    }

    /// <summary>The connection string from configuration, with a message naming the setting when it is missing or malformed.</summary>
    private static string ConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StorageUnavailableException(
                $"GuidanceBot:Storage:Provider is Postgres but {ConnectionStringSetting} is not set (environment ConnectionStrings__GuidanceBot), " +
                "e.g. Host=db.example;Database=guidancebot;Username=guidancebot;Password=…");
        }
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StorageUnavailableException($"{ConnectionStringSetting} is not a valid PostgreSQL connection string: {e.Message}");
        }
        return connectionString;
    }
}
