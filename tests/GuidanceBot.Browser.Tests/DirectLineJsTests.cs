using System.Diagnostics;
using System.Text.Json.Nodes;
using GuidanceBot.Web.Channels.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Browser.Tests;

/// <summary>
/// The real botframework-directlinejs 0.15.8 (what Web Chat 4.18 uses) under Node against the host on Kestrel, in both
/// transports: start, post, echo before reply, reconnect after the server drops the socket, token refresh.
/// </summary>
public sealed class DirectLineJsTests
{
    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task The_directlinejs_client_starts_posts_gets_echo_and_reply_reconnects_and_refreshes(string mode)
    {
        await using var host = ChatServer.Start();
        var output = new List<string>();
        var psi = new ProcessStartInfo("node", ["scenario.js", host.Url, mode])
        {
            WorkingDirectory = ScenarioFolder(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(psi)!;
        var stderr = node.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        JsonObject? result = null;
        try
        {
            while (await node.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                output.Add(line);
                if (line.StartsWith("drop "))
                {
                    host.Services.GetRequiredService<DirectLineStreams>().CloseStreams(line[5..]);
                    await node.StandardInput.WriteLineAsync("dropped");
                    await node.StandardInput.FlushAsync(deadline.Token);
                }
                else if (line.StartsWith("result "))
                {
                    result = JsonNode.Parse(line[7..])!.AsObject();
                }
            }
            await node.WaitForExitAsync(deadline.Token);
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill();
            }
        }

        var transcript = string.Join("\n", output) + "\n" + await stderr;
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(ChatServer.ScreenshotPath("x"))!, $"directlinejs-{mode}.log"), transcript);
        Assert.True(node.ExitCode == 0 && result is not null, transcript);
        Assert.StartsWith("Xin chào", (string?)result!["greeting"]);
        Assert.Equal((string?)result["postedId"], (string?)result["echoId"]);
        Assert.True((bool)result["echoBeforeReply"]!, transcript);
        // "khai sinh" typed: the first reply names the guide, the step follows in a second message.
        Assert.StartsWith("Mình hướng dẫn bạn \"Khai sinh", (string?)result["firstReply"]);
        Assert.Equal("Bé sinh được bao lâu rồi?", (string?)result["afterReconnect"]);
        Assert.True((bool)result["tokenChanged"]!);
        Assert.StartsWith("Bạn còn trong hạn 60 ngày", (string?)result["afterRefresh"]);
        Assert.True((bool)result["online"]!, transcript);
    }

    private static string ScenarioFolder() => Path.Combine(Repository.Root, "tests", "GuidanceBot.Browser.Tests", "directlinejs");
}
