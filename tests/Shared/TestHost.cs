using System.Net;
using GuidanceBot.Analytics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Testing;

/// <summary>
/// The tests' one web host: the real <c>Program</c> on a fresh SQLite file (or a given one, to share it between two
/// hosts), in memory for <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> or on Kestrel at 127.0.0.1 with
/// a free port after <see cref="StartKestrel"/> (for browsers and Node). Disposing stops it and deletes the files it made.
/// </summary>
public sealed class TestHost : WebApplicationFactory<Program>
{
    private readonly string? _folder;

    public TestHost(string? sqlitePath = null)
    {
        if (sqlitePath is null)
        {
            _folder = Directory.CreateTempSubdirectory("gb-test-").FullName;
            sqlitePath = Path.Combine(_folder, "bot.db");
        }
        SqlitePath = sqlitePath;
    }

    public string SqlitePath { get; }

    /// <summary>A host on a PostgreSQL database (several hosts on one database are several instances behind a load balancer).</summary>
    public static TestHost OnPostgres(string connectionString)
    {
        var host = new TestHost();
        host.Settings["GuidanceBot:Storage:Provider"] = "Postgres";
        host.Settings["ConnectionStrings:GuidanceBot"] = connectionString;
        return host;
    }

    /// <summary>A clock the test moves (set before the host starts); when null the host uses the system clock.</summary>
    public FixedTime? Time { get; set; }

    /// <summary>Service overrides applied after the host's own registrations, e.g. a slow bot.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Settings given to the host before it starts, e.g. GuidanceBot:Content:Directory.</summary>
    public Dictionary<string, string> Settings { get; } = new();

    /// <summary>The Kestrel address (http://127.0.0.1:PORT) once <see cref="StartKestrel"/> ran.</summary>
    public string Url { get; private set; } = "";

    /// <summary>Starts the host on Kestrel at 127.0.0.1 on a free port; the address.</summary>
    public string StartKestrel()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        Url = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return Url;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The analytics events recorded so far, in order.</summary>
    public Task<IReadOnlyList<AnalyticsEvent>> Events() => Get<IAnalyticsSink>().ReadAsync(null, CancellationToken.None);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("GuidanceBot:Storage:SqlitePath", SqlitePath);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (Time is { } time)
        {
            builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(time));
        }
        if (TestServices is { } configure)
        {
            builder.ConfigureServices(configure);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
