using System.Text.Json.Nodes;
using GuidanceBot.Activities;
using GuidanceBot.Analytics;
using GuidanceBot.Engine;
using GuidanceBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GuidanceBot.Tests;

/// <summary>What every <see cref="IConversationStore"/> (with its <see cref="IAnalyticsSink"/> and <see cref="IIdleConversations"/>) promises.</summary>
public abstract class ConversationStoreContract(StorageProvider provider) : IDisposable
{
    private static readonly ConversationKey Key = new("test", "c1");
    private readonly StorageUnderTest _storage = new(provider);

    public void Dispose() => _storage.Dispose();

    private IConversationStore Store => _storage.Get<IConversationStore>();

    private static ConversationWrite State(string value, DateTimeOffset? active = null, DateTimeOffset? swept = null) =>
        new($"{{\"v\":\"{value}\"}}", active, swept);

    private static AnalyticsEvent Event(string kind, string conversation = "conv") =>
        new(conversation, "test", kind, new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero))
        {
            FlowId = "khai-sinh", StepId = "noi-sinh", Properties = new Dictionary<string, string> { ["k"] = "giá trị" },
        };

    [Fact]
    public async Task A_stale_etag_writes_neither_state_nor_events()
    {
        var first = await Store.SaveAsync(Key, State("1"), null, [Event("a")], CancellationToken.None);
        var second = await Store.SaveAsync(Key, State("2"), first, [Event("b")], CancellationToken.None);

        var stale = await Store.SaveAsync(Key, State("3"), first, [Event("c")], CancellationToken.None);
        var duplicateCreate = await Store.SaveAsync(Key, State("4"), null, [Event("d")], CancellationToken.None);

        Assert.NotNull(second);
        Assert.Null(stale);
        Assert.Null(duplicateCreate);
        Assert.Equal(new StoredConversation("{\"v\":\"2\"}", second!), await Store.LoadAsync(Key, CancellationToken.None));
        Assert.Equal(["a", "b"], (await _storage.Get<IAnalyticsSink>().ReadAsync(null, CancellationToken.None)).Select(e => e.Kind));
    }

    [Fact]
    public async Task Conversations_are_told_apart_by_channel_and_id()
    {
        await Store.SaveAsync(new ConversationKey("zalo", "c1"), State("zalo"), null, [], CancellationToken.None);
        await Store.SaveAsync(new ConversationKey("test", "c1"), State("test"), null, [], CancellationToken.None);
        await Store.SaveAsync(new ConversationKey("test", "c1/x"), State("slash"), null, [], CancellationToken.None);

        Assert.Contains("zalo", (await Store.LoadAsync(new ConversationKey("zalo", "c1"), CancellationToken.None))!.Json);
        Assert.Contains("test", (await Store.LoadAsync(new ConversationKey("test", "c1"), CancellationToken.None))!.Json);
        Assert.Contains("slash", (await Store.LoadAsync(new ConversationKey("test", "c1/x"), CancellationToken.None))!.Json);
        Assert.Null(await Store.LoadAsync(new ConversationKey("other", "c1"), CancellationToken.None));
    }

    [Fact]
    public async Task State_and_events_written_by_one_instance_are_read_by_another()
    {
        var etag = await Store.SaveAsync(Key, State("1"), null, [Event("a"), Event("b", "other")], CancellationToken.None);

        using var second = _storage.SecondInstance();
        var events = await second.GetRequiredService<IAnalyticsSink>().ReadAsync("conv", CancellationToken.None);

        Assert.Equal(etag, (await second.GetRequiredService<IConversationStore>().LoadAsync(Key, CancellationToken.None))!.ETag);
        var e = Assert.Single(events);
        Assert.Equal(("khai-sinh", "noi-sinh", "giá trị"), (e.FlowId, e.StepId, e.Property("k")));
    }

    [Fact]
    public async Task Events_appended_outside_a_turn_are_kept_in_order()
    {
        await _storage.Get<IAnalyticsSink>().AppendAsync([Event("a"), Event("b")], CancellationToken.None);
        await _storage.Get<IAnalyticsSink>().AppendAsync([Event("c")], CancellationToken.None);

        Assert.Equal(["a", "b", "c"], (await _storage.Get<IAnalyticsSink>().ReadAsync("conv", CancellationToken.None)).Select(e => e.Kind));
    }

    [Fact]
    public async Task Idle_conversations_are_found_oldest_first_until_they_are_swept()
    {
        var t0 = new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
        var old = new ConversationKey("test", "old");
        var older = new ConversationKey("test", "older");
        var recent = new ConversationKey("test", "recent");
        var oldETag = await Store.SaveAsync(old, Json(t0.AddMinutes(-40), null), null, [], CancellationToken.None);
        await Store.SaveAsync(older, Json(t0.AddMinutes(-50), null), null, [], CancellationToken.None);
        await Store.SaveAsync(recent, Json(t0.AddMinutes(-5), null), null, [], CancellationToken.None);

        Assert.Equal([older, old], await _storage.Get<IIdleConversations>().FindIdleAsync(t0.AddMinutes(-30), 10, CancellationToken.None));

        await Store.SaveAsync(old, Json(t0.AddMinutes(-40), t0.AddMinutes(-40)), oldETag, [], CancellationToken.None);
        Assert.Equal([older], await _storage.Get<IIdleConversations>().FindIdleAsync(t0.AddMinutes(-30), 10, CancellationToken.None));
        Assert.Equal([older], await _storage.Get<IIdleConversations>().FindIdleAsync(t0.AddMinutes(-30), 1, CancellationToken.None));
    }

    /// <summary>A state as the engine writes it: the sweep's times both in the JSON and beside it.</summary>
    private static ConversationWrite Json(DateTimeOffset active, DateTimeOffset? swept)
    {
        var state = new ConversationState { AnalyticsId = "a", LastActivityAt = active, AbandonSweptAt = swept };
        return new ConversationWrite(System.Text.Json.JsonSerializer.Serialize(state, StateJson.Default.ConversationState), active, swept);
    }

    [Fact]
    public async Task Turns_on_one_conversation_at_two_instances_at_once_lose_no_update()
    {
        using var second = _storage.SecondInstance();
        var a = new TurnEngine(Store, new AppendingBot(), TimeProvider.System, NullLogger<TurnEngine>.Instance);
        var b = new TurnEngine(second.GetRequiredService<IConversationStore>(), new AppendingBot(), TimeProvider.System, NullLogger<TurnEngine>.Instance);

        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).ProcessAsync(Message($"m{i}"), CancellationToken.None))));

        var state = JsonNode.Parse((await Store.LoadAsync(Key, CancellationToken.None))!.Json)!;
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"m{i}").Order(), state["memory"]!["seen"]!.AsArray().Select(n => (string)n!).Order());
        Assert.Equal(20, state["turnCount"]!.GetValue<long>());
        // A turn that lost the race and ran again wrote its events once.
        Assert.Equal(20, (await _storage.Get<IAnalyticsSink>().ReadAsync(null, CancellationToken.None)).Count(e => e.Kind == EventKinds.StepAnswered));
    }

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message, Id = text, ChannelId = "test", Text = text,
        From = new ChannelAccount { Id = "u" }, Recipient = new ChannelAccount { Id = "bot" }, Conversation = new ConversationAccount { Id = "c1" },
    };

    /// <summary>Appends each message to a list in state, after a 2 ms pause that widens the window between load and save so the instances really race.</summary>
    private sealed class AppendingBot : IBot
    {
        public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            var list = turn.State.Memory["seen"] as JsonArray ?? [];
            turn.State.Memory["seen"] = list;
            await Task.Delay(2, cancellationToken);
            list.Add(turn.Activity.Text);
            turn.Record(EventKinds.StepAnswered, "test-flow", "step");
        }
    }
}

public sealed class SqliteConversationStoreContract() : ConversationStoreContract(StorageProvider.Sqlite);

public sealed class PostgresConversationStoreContract() : ConversationStoreContract(StorageProvider.Postgres);
