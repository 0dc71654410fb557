using System.Net;
using GuidanceBot.Activities;
using System.Text.Json;
using GuidanceBot.Analytics;
using GuidanceBot.Channels.DirectLine;
using GuidanceBot.Web.Channels.DirectLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Browser.Tests;

/// <summary>The real web host on Kestrel at 127.0.0.1 on a free port, with a fresh SQLite file; disposing stops it and deletes the file.</summary>
public sealed class ChatHost : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"gb-browser-{Guid.NewGuid():N}");

    public ChatHost()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        Url = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public string Url { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("GuidanceBot:Storage:SqlitePath", Path.Combine(_folder, "bot.db"));
        // One browser signs in and starts conversations many times: the abuse limits are tested in GuidanceBot.Web.Tests.
        builder.UseSetting("GuidanceBot:AbuseLimits:Enabled", "false");
        builder.UseSetting("GuidanceBot:DirectLine:Secret", "browser-test-secret-0123456789-abcdefghijklmnop");
    }

    /// <summary>The Direct Line transcript of a conversation as this host holds it.</summary>
    public IReadOnlyList<Activity> Transcript(string conversationId)
    {
        var transcript = Services.GetRequiredService<IDirectLineTranscript>();
        var activities = new List<Activity>();
        var after = 0L;
        while (transcript.ReadAsync(conversationId, after, 100, CancellationToken.None).GetAwaiter().GetResult() is { Entries.Count: > 0 } page)
        {
            activities.AddRange(page.Entries.Select(e => JsonSerializer.Deserialize(e.Json, ActivityJson.Wire.Activity)!));
            after = page.Entries[^1].Sequence;
        }
        return activities;
    }

    public Task<IReadOnlyList<AnalyticsEvent>> Events() =>
        Services.GetRequiredService<IAnalyticsSink>().ReadAsync(null, CancellationToken.None);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
