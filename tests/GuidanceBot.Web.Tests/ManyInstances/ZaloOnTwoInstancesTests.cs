using GuidanceBot.Analytics;
using GuidanceBot.Tests.Zalo;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests.ManyInstances;

/// <summary>Two instances behind a load balancer on one PostgreSQL database, with Zalo configured on both.</summary>
public sealed class ZaloOnTwoInstancesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(7));
    private readonly FixedTime _time = new(Start);
    private readonly PostgresTestDatabase _database = new();
    private FakeZalo _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeZalo.StartAsync();

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _database.Dispose();
    }

    private ZaloTestHost Instance() => new(_fake, _time, postgres: _database.ConnectionString);

    [Fact]
    public async Task The_same_event_posted_to_both_instances_runs_one_turn_and_sends_its_replies_once()
    {
        await using var a = Instance();
        await using var b = Instance();
        await a.SeedTokensAsync();
        var e = ZaloTestHost.TextEvent("citizen-1", "msg-1", "tôi muốn làm giấy khai sinh cho con", _time.Now);

        var posted = await Task.WhenAll(a.PostAsync(e), b.PostAsync(e), a.PostAsync(e));

        Assert.All(posted, r => Assert.True(r.IsSuccessStatusCode));
        var queued = await Eventually.Until(() => PostgresQuery.CountAsync(_database.ConnectionString,
            "SELECT COUNT(*) FROM zalo_outbox WHERE status = 'sent'"), n => n > 0, "the replies sent");
        await Eventually.Until(() => PostgresQuery.CountAsync(_database.ConnectionString,
            "SELECT COUNT(*) FROM zalo_outbox WHERE status <> 'sent'"), n => n == 0, "every reply sent");
        var sent = await PostgresQuery.CountAsync(_database.ConnectionString, "SELECT COUNT(*) FROM zalo_outbox");
        Assert.Equal(sent, _fake.Delivered.Count);
        Assert.Equal(1, await PostgresQuery.CountAsync(_database.ConnectionString, "SELECT COUNT(*) FROM zalo_inbox"));
        var events = await a.Get<IAnalyticsSink>().ReadAsync(null, CancellationToken.None);
        Assert.Equal(1, events.Count(ev => ev.Kind == EventKinds.ConversationStarted));
        Assert.Equal(1, events.Count(ev => ev.Kind == EventKinds.FlowStarted));
        Assert.True(queued <= sent);
    }

    [Fact]
    public async Task A_citizens_events_run_in_arrival_order_whichever_instance_claims_them()
    {
        await using var a = Instance();
        await using var b = Instance();
        await a.SeedTokensAsync();
        var words = new[] { "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett", "kilo", "lima" };

        // Each post is acknowledged before the next: that is the arrival order, alternating between the instances.
        for (var i = 0; i < words.Length; i++)
        {
            var response = await (i % 2 == 0 ? a : b).PostAsync(ZaloTestHost.TextEvent("citizen-2", $"w-{i}", words[i], _time.Now));
            Assert.True(response.IsSuccessStatusCode);
        }

        var texts = await Eventually.Until(
            () => PostgresQuery.TextsAsync(_database.ConnectionString,
                // Each turn keeps the citizen's text: "not understood", or out of scope for a word the bot files there ("hotel").
                "SELECT props->>'text' FROM events WHERE kind IN ('not-understood', 'out-of-scope') AND channel = 'zalo' ORDER BY id"),
            t => t.Count >= words.Length, "every event's turn");
        Assert.Equal(words, texts);
        // An event is marked processed after its turn is saved, so the last mark may follow its event by a moment.
        await Eventually.Until(() => PostgresQuery.CountAsync(_database.ConnectionString, "SELECT COUNT(*) FROM zalo_inbox WHERE processed_at IS NOT NULL"),
            n => n == words.Length, "every event marked processed");
    }
}
