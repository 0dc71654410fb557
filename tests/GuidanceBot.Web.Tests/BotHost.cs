using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests;

/// <summary>The real web host on a fresh SQLite file; dispose it to stop the host and delete the file.</summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly bool _ownsFile;

    public BotHost(string? sqlitePath = null)
    {
        _ownsFile = sqlitePath is null;
        SqlitePath = sqlitePath ?? Path.Combine(Path.GetTempPath(), $"gb-web-{Guid.NewGuid():N}", "bot.db");
    }

    public string SqlitePath { get; }

    /// <summary>A host on a PostgreSQL database (several hosts on one database are several instances behind a load balancer).</summary>
    public static BotHost OnPostgres(string connectionString)
    {
        var host = new BotHost();
        host.Settings["GuidanceBot:Storage:Provider"] = "Postgres";
        host.Settings["ConnectionStrings:GuidanceBot"] = connectionString;
        return host;
    }

    /// <summary>A clock the test moves; when null the host uses the system clock.</summary>
    public FixedTime? Time { get; set; }

    /// <summary>Service overrides applied after the host's own registrations, e.g. a slow bot.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Extra settings, e.g. GuidanceBot:Content:Directory.</summary>
    public Dictionary<string, string> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("GuidanceBot:Storage:SqlitePath", SqlitePath);
        // A test is one client making many requests; the abuse limits' own tests turn them on in Settings.
        builder.UseSetting("GuidanceBot:AbuseLimits:Enabled", "false");
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

    /// <summary>Starts the host on Kestrel at 127.0.0.1 on a free port (real sockets, real client addresses); returns its base URL.</summary>
    public string StartKestrel()
    {
        UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        return Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>The analytics events recorded so far, in order.</summary>
    public Task<IReadOnlyList<GuidanceBot.Analytics.AnalyticsEvent>> Events() =>
        Services.GetRequiredService<GuidanceBot.Analytics.IAnalyticsSink>().ReadAsync(null, CancellationToken.None);

    /// <summary>Posts an activity with expectReplies and returns the reply activities.</summary>
    public async Task<JsonArray> Send(HttpClient client, string conversationId, string? text, string type = "message", string locale = "vi-VN",
        string channel = "test")
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["channelId"] = channel,
            ["from"] = new JsonObject { ["id"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["locale"] = locale,
            ["deliveryMode"] = "expectReplies",
        };
        if (text is not null)
        {
            activity["text"] = text;
        }
        if (type == "conversationUpdate")
        {
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "user" });
        }
        var response = await client.PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["activities"]!.AsArray();
    }

    public static string Texts(JsonArray replies) => string.Join("\n", replies.Select(r => (string?)r!["text"]));

    public static List<string> Buttons(JsonArray replies) =>
        replies.LastOrDefault(r => r!["suggestedActions"] is not null)?["suggestedActions"]!["actions"]!.AsArray().Select(a => (string)a!["title"]!).ToList() ?? [];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsFile && Directory.Exists(Path.GetDirectoryName(SqlitePath)))
        {
            Directory.Delete(Path.GetDirectoryName(SqlitePath)!, recursive: true);
        }
    }
}
