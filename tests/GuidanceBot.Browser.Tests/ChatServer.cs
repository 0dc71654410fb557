using GuidanceBot.Activities;
using GuidanceBot.Web.Channels.DirectLine;
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

    /// <summary>The Direct Line transcript of a conversation as this host holds it.</summary>
    public static IReadOnlyList<Activity> Transcript(this TestHost host, string conversationId) =>
        host.Services.GetRequiredService<DirectLineConversations>().Find(conversationId)?.Read(0, int.MaxValue).Activities ?? [];

    /// <summary>TestResults/screenshots/NAME.png at the repository root.</summary>
    public static string ScreenshotPath(string name) => Path.Combine(Repository.TestResults("screenshots"), name + ".png");
}
