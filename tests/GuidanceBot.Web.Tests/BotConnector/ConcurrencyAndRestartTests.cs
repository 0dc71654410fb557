using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GuidanceBot.Activities;
using GuidanceBot.Engine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests.BotConnector;

public sealed class ConcurrencyAndRestartTests
{
    /// <summary>Records each message in state and answers with the number of messages seen so far.</summary>
    private sealed class CountingBot : IBot
    {
        public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            if (turn.Activity.IsMessage)
            {
                var seen = turn.State.Memory["seen"] as JsonArray ?? [];
                turn.State.Memory["seen"] = seen;
                seen.Add(turn.Activity.Text);
                turn.Send(seen.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Fifty_messages_posted_at_once_are_fifty_turns_in_order_with_no_lost_update()
    {
        await using var host = new TestHost();
        using var factory = host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IBot, CountingBot>()));
        var client = factory.CreateClient();

        var posts = Enumerable.Range(1, 50).Select(async i =>
        {
            var replies = await host.Send(client, "busy", $"m{i}");
            return (Message: $"m{i}", Position: int.Parse(ApiMessages.Texts(replies)));
        });
        var results = await Task.WhenAll(posts);

        // Each turn saw all the turns before it and none after: positions are exactly 1..50.
        Assert.Equal(Enumerable.Range(1, 50), results.Select(r => r.Position).Order());
        // And the stored list holds every message at the position its turn reported.
        var store = factory.Services.GetRequiredService<GuidanceBot.Engine.IConversationStore>();
        var state = JsonNode.Parse((await store.LoadAsync(new GuidanceBot.Engine.ConversationKey("test", "busy"), CancellationToken.None))!.Json)!;
        var seen = state["memory"]!["seen"]!.AsArray().Select(n => (string)n!).ToList();
        Assert.Equal(50, seen.Count);
        Assert.All(results, r => Assert.Equal(r.Message, seen[r.Position - 1]));
    }

    [Fact]
    public async Task A_new_host_instance_continues_the_conversation_from_the_same_sqlite_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gb-restart-{Guid.NewGuid():N}.db");
        try
        {
            await using (var first = new TestHost(path))
            {
                var client = first.CreateClient();
                await first.Send(client, "c", null, type: "conversationUpdate");
                await first.Send(client, "c", "Kiểm tra điều kiện đăng ký VNeID");
                var replies = await first.Send(client, "c", "01/02/1990");
                Assert.Contains("CCCD", ApiMessages.Texts(replies));
            }

            await using var second = new TestHost(path);
            var again = await second.Send(second.CreateClient(), "c", "có");

            Assert.Contains("12 số", ApiMessages.Texts(again));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(f);
            }
        }
    }
}
