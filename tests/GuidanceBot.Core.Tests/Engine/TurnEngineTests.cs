using System.Text.Json.Nodes;
using GuidanceBot.Activities;
using GuidanceBot.Analytics;
using GuidanceBot.Engine;
using GuidanceBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace GuidanceBot.Tests.Engine;

public sealed class TurnEngineTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gb-{Guid.NewGuid():N}.db");

    /// <summary>Appends each message's text to a list in state and replies with the list's length.</summary>
    private sealed class AppendingBot(int delayMs = 0) : IBot
    {
        public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            var list = turn.State.Memory["seen"] as JsonArray ?? [];
            turn.State.Memory["seen"] = list;
            if (delayMs > 0)
            {
                // Widen the window between load and save so two instances really race.
                await Task.Delay(delayMs, cancellationToken);
            }
            list.Add(turn.Activity.Text);
            turn.Send(list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            turn.Record(EventKinds.StepAnswered, "test-flow", "step");
        }
    }

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message, Id = text, ChannelId = "test", Text = text,
        From = new ChannelAccount { Id = "u" }, Recipient = new ChannelAccount { Id = "bot" },
        Conversation = new ConversationAccount { Id = "c1" },
    };

    private static TurnEngine Engine(IConversationStore store, IBot bot) =>
        new(store, bot, TimeProvider.System, NullLogger<TurnEngine>.Instance);

    [Fact]
    public async Task Concurrent_messages_to_one_conversation_are_serialised()
    {
        using var store = new SqliteConversationStore(new SqliteDatabase(_path));
        var engine = Engine(store, new AppendingBot());

        var replies = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => Task.Run(() => engine.ProcessAsync(Message($"m{i}"), CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 50).Select(i => i.ToString()), replies.Select(r => r.Single().Text).Order(new NumericOrder()));
        var state = JsonNode.Parse((await store.LoadAsync(new ConversationKey("test", "c1"), CancellationToken.None))!.Json)!;
        Assert.Equal(50, state["memory"]!["seen"]!.AsArray().Count);
        Assert.Equal(50, (await store.ReadAsync(null, CancellationToken.None)).Count(e => e.Kind == EventKinds.StepAnswered));
    }

    [Fact]
    public async Task An_etag_conflict_between_two_instances_reruns_the_turn_and_loses_nothing()
    {
        // Two engines, two stores, one file: like two bot instances sharing a database.
        using var storeA = new SqliteConversationStore(new SqliteDatabase(_path));
        using var storeB = new SqliteConversationStore(new SqliteDatabase(_path));
        var a = Engine(storeA, new AppendingBot(delayMs: 2));
        var b = Engine(storeB, new AppendingBot(delayMs: 2));

        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).ProcessAsync(Message($"m{i}"), CancellationToken.None))));

        var state = JsonNode.Parse((await storeA.LoadAsync(new ConversationKey("test", "c1"), CancellationToken.None))!.Json)!;
        var seen = state["memory"]!["seen"]!.AsArray().Select(n => (string)n!).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"m{i}").Order(), seen);
        // A re-run turn's events are written once: the losing attempt's transaction wrote nothing.
        Assert.Equal(20, (await storeA.ReadAsync(null, CancellationToken.None)).Count(e => e.Kind == EventKinds.StepAnswered));
        Assert.Equal(20, state["turnCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_new_conversation_gets_a_random_analytics_id_not_the_channel_id()
    {
        using var store = new SqliteConversationStore(new SqliteDatabase(_path));
        await Engine(store, new AppendingBot()).ProcessAsync(Message("xin chào"), CancellationToken.None);

        var started = (await store.ReadAsync(null, CancellationToken.None)).Single(e => e.Kind == EventKinds.ConversationStarted);

        Assert.NotEqual("c1", started.ConversationId);
        Assert.Equal(24, started.ConversationId.Length);
        Assert.Equal("test", started.Channel);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(f);
        }
    }

    private sealed class NumericOrder : IComparer<string?>
    {
        public int Compare(string? x, string? y) => int.Parse(x!).CompareTo(int.Parse(y!));
    }
}
