using GuidanceBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests;

/// <summary>
/// A fresh database of one provider with every store registered the way the hosts do (<c>AddGuidanceBotStorage</c>):
/// a SQLite file in a folder of its own, or a PostgreSQL database of its own. Dispose to drop it.
/// </summary>
public sealed class StorageUnderTest : IDisposable
{
    private readonly string? _folder;
    private readonly PostgresTestDatabase? _postgres;
    private readonly ServiceProvider _services;

    public StorageUnderTest(StorageProvider provider, TimeProvider? time = null)
    {
        Provider = provider;
        var settings = new Dictionary<string, string?> { ["GuidanceBot:Storage:Provider"] = provider.ToString() };
        if (provider == StorageProvider.Sqlite)
        {
            _folder = Path.Combine(Path.GetTempPath(), $"gb-storage-{Guid.NewGuid():N}");
            settings["GuidanceBot:Storage:SqlitePath"] = Path.Combine(_folder, "bot.db");
        }
        else
        {
            _postgres = new PostgresTestDatabase();
            settings["ConnectionStrings:GuidanceBot"] = _postgres.ConnectionString;
        }
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }
        services.AddGuidanceBotStorage(Configuration);
        _services = services.BuildServiceProvider();
    }

    public StorageProvider Provider { get; }

    public IConfiguration Configuration { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A second process on the same database: its own service provider, database object and pool.</summary>
    public ServiceProvider SecondInstance(TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }
        services.AddGuidanceBotStorage(Configuration);
        return services.BuildServiceProvider();
    }

    public void Dispose()
    {
        _services.Dispose();
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
        _postgres?.Dispose();
    }
}
