using System.Text.Json;
using GuidanceBot.Activities;
using GuidanceBot.Channels.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Browser.Tests;

/// <summary>The chat page's server for browser and Node tests: the test host on Kestrel with a Direct Line secret.</summary>
public static class ChatServer
{
    /// <summary>A started host; dispose it to stop it and delete its files.</summary>
    public static TestHost Start()
    {
        var host = new TestHost();
        host.Settings["GuidanceBot:DirectLine:Secret"] = "browser-test-secret-0123456789-abcdefghijklmnop";
        host.StartKestrel();
        return host;
    }

    /// <summary>The Direct Line transcript of a conversation as the host's database holds it, page by page.</summary>
    public static IReadOnlyList<Activity> Transcript(this TestHost host, string conversationId)
    {
        var transcript = host.Services.GetRequiredService<IDirectLineTranscript>();
        var activities = new List<Activity>();
        var after = 0L;
        while (transcript.ReadAsync(conversationId, after, 100, CancellationToken.None).GetAwaiter().GetResult() is { Entries.Count: > 0 } page)
        {
            activities.AddRange(page.Entries.Select(e => JsonSerializer.Deserialize(e.Json, ActivityJson.Wire.Activity)!));
            after = page.Entries[^1].Sequence;
        }
        return activities;
    }

    /// <summary>TestResults/screenshots/NAME.png at the repository root.</summary>
    public static string ScreenshotPath(string name) => Path.Combine(Repository.TestResults("screenshots"), name + ".png");
}
