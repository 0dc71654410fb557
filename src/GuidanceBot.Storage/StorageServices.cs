using GuidanceBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Storage;

/// <summary>
/// The one registration of the storage layer, used by the web host and every CLI command: binds
/// <see cref="StorageOptions"/>, registers every store over one database object, and the "storage" health check
/// (tagged "ready").
/// </summary>
public static class StorageServices
{
    public const string HealthCheckName = "storage";
    public const string ReadyTag = "ready";

    public static IServiceCollection AddGuidanceBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.SqlitePath), "GuidanceBot:Storage:SqlitePath must name a file.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSqliteStorage(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.SqlitePath);
        services.AddHealthChecks().AddCheck<SqliteHealthCheck>(HealthCheckName, tags: [ReadyTag]);
        return services;
    }
}
