using GuidanceBot.Channels.Zalo;
using GuidanceBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests;

/// <summary>What the Zalo channel's stores (<see cref="IZaloInbox"/>, <see cref="IZaloOutbox"/>, <see cref="IZaloTokenStore"/>) promise, on each database.</summary>
public abstract class ZaloContract : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private readonly FixedTime _time = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    private readonly StorageUnderTest _storage;

    protected ZaloContract(StorageProvider provider) => _storage = new StorageUnderTest(provider, _time);

    public void Dispose() => _storage.Dispose();

    private IZaloInbox Inbox => _storage.Get<IZaloInbox>();

    private IZaloOutbox Outbox => _storage.Get<IZaloOutbox>();

    private static ZaloInboxEntry Text(string key, string user, string text = "xin chào") => new(key, "user_send_text", user, text, true);

    [Fact]
    public async Task An_event_delivered_twice_is_queued_once_even_through_two_instances()
    {
        using var second = _storage.SecondInstance(_time);
        var results = await Task.WhenAll(
            Inbox.AddAsync(Text("m1", "u1"), CancellationToken.None),
            second.GetRequiredService<IZaloInbox>().AddAsync(Text("m1", "u1"), CancellationToken.None),
            Inbox.AddAsync(Text("m1", "u1"), CancellationToken.None));

        Assert.Equal(1, results.Count(added => added));
        Assert.Single(await Inbox.ClaimAsync(10, Lease, CancellationToken.None));
    }

    [Fact]
    public async Task A_citizens_events_are_claimed_in_arrival_order_by_one_claimer_at_a_time()
    {
        await Inbox.AddAsync(Text("a1", "alice", "một"), CancellationToken.None);
        await Inbox.AddAsync(Text("b1", "bob"), CancellationToken.None);
        await Inbox.AddAsync(Text("a2", "alice", "hai"), CancellationToken.None);
        using var second = _storage.SecondInstance(_time);

        var first = await Inbox.ClaimAsync(2, Lease, CancellationToken.None);
        // alice's second event waits while her first is in the other claimer's hands.
        var other = await second.GetRequiredService<IZaloInbox>().ClaimAsync(10, Lease, CancellationToken.None);

        Assert.Equal(["a1", "b1"], first.Select(i => i.Key));
        Assert.Empty(other);
        await Inbox.CompleteAsync(first[0], "ran", ["{\"text\":\"reply\"}"], true, ["Có", "Không"], null, CancellationToken.None);
        var next = await second.GetRequiredService<IZaloInbox>().ClaimAsync(10, Lease, CancellationToken.None);
        Assert.Equal(("a2", "hai"), (Assert.Single(next).Key, next[0].Text));
        Assert.Equal(["Có", "Không"], await Inbox.ChoicesAsync("alice", CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_whose_lease_ran_out_is_claimed_again_and_a_failed_event_is_retried_then_closed()
    {
        await Inbox.AddAsync(Text("m1", "u1"), CancellationToken.None);
        var claimed = Assert.Single(await Inbox.ClaimAsync(10, Lease, CancellationToken.None));
        Assert.Empty(await Inbox.ClaimAsync(10, Lease, CancellationToken.None));

        _time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal("m1", Assert.Single(await Inbox.ClaimAsync(10, Lease, CancellationToken.None)).Key);

        await Inbox.FailedAsync(claimed, 2, CancellationToken.None);
        var again = Assert.Single(await Inbox.ClaimAsync(10, Lease, CancellationToken.None));
        Assert.Equal(1, again.Attempts);
        await Inbox.FailedAsync(again, 2, CancellationToken.None);
        Assert.Empty(await Inbox.ClaimAsync(10, Lease, CancellationToken.None));
    }

    [Fact]
    public async Task Completing_an_event_queues_its_replies_in_order_and_clears_the_citizens_text()
    {
        await Inbox.AddAsync(Text("m1", "u1", "số CCCD 001099012345"), CancellationToken.None);
        var item = Assert.Single(await Inbox.ClaimAsync(10, Lease, CancellationToken.None));

        await Inbox.CompleteAsync(item, "ran", ["{\"n\":1}", "{\"n\":2}", "{\"n\":3}"], true, null, null, CancellationToken.None);

        var replies = await Outbox.ClaimAsync(10, Lease, CancellationToken.None);
        Assert.Equal(["{\"n\":1}", "{\"n\":2}", "{\"n\":3}"], replies.Select(r => r.Message));
        Assert.All(replies, r => Assert.Equal(_time.GetUtcNow(), r.LastUserMessageAt));
        Assert.Empty(await Inbox.ChoicesAsync("u1", CancellationToken.None));
        // The event stays (its key keeps refusing duplicates) without the text.
        Assert.False(await Inbox.AddAsync(Text("m1", "u1"), CancellationToken.None));
    }

    [Fact]
    public async Task A_users_later_reply_never_overtakes_an_earlier_one_waiting_for_a_retry()
    {
        await Queue("u1", "first", "second");
        await Queue("u2", "other");
        var claimed = await Outbox.ClaimAsync(10, Lease, CancellationToken.None);
        Assert.Equal(["first", "second", "other"], claimed.Select(r => r.Message));

        await Outbox.RetryLaterAsync(claimed[0], _time.GetUtcNow().AddMinutes(5), "timeout", CancellationToken.None);
        await Outbox.ReleaseAsync(claimed[1], CancellationToken.None);
        await Outbox.SentAsync(claimed[2], CancellationToken.None);
        Assert.Empty(await Outbox.ClaimAsync(10, Lease, CancellationToken.None));

        _time.Advance(TimeSpan.FromMinutes(5));
        var retried = await Outbox.ClaimAsync(10, Lease, CancellationToken.None);
        Assert.Equal([("first", 1), ("second", 0)], retried.Select(r => (r.Message, r.Attempts)));
        await Outbox.DropAsync(retried[0], "gave-up", CancellationToken.None);
        await Outbox.SentAsync(retried[1], CancellationToken.None);
        // Outcomes apply only to rows still claimed: a late worker cannot reopen them.
        await Outbox.ReleaseAsync(retried[1], CancellationToken.None);
        Assert.Empty(await Outbox.ClaimAsync(10, Lease, CancellationToken.None));
    }

    [Fact]
    public async Task Claims_at_two_instances_never_hand_out_a_reply_twice()
    {
        for (var user = 0; user < 20; user++)
        {
            await Queue($"u{user}", Enumerable.Range(0, 5).Select(i => $"u{user}-{i}").ToArray());
        }
        using var second = _storage.SecondInstance(_time);
        var outboxes = new[] { Outbox, second.GetRequiredService<IZaloOutbox>() };

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => outboxes[i % 2].ClaimAsync(5, Lease, CancellationToken.None))));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(100, all.Count);
        Assert.Equal(100, all.Select(r => r.Id).Distinct().Count());
        // Claims are taken one at a time: each holds a user's replies in order, never a later one without the earlier ones.
        Assert.All(claims, c => Assert.All(c.GroupBy(r => r.UserId), g => Assert.Equal(g.Select(r => r.Id).Order(), g.Select(r => r.Id))));
    }

    [Fact]
    public async Task A_planned_reminder_is_claimed_when_due_and_queued_once()
    {
        await Inbox.AddAsync(Text("m1", "u1"), CancellationToken.None);
        var item = Assert.Single(await Inbox.ClaimAsync(10, Lease, CancellationToken.None));
        await Inbox.CompleteAsync(item, "ran", [], true, null, _time.GetUtcNow().AddHours(1), CancellationToken.None);
        Assert.Empty(await Outbox.ClaimRemindersAsync(10, Lease, CancellationToken.None));

        _time.Advance(TimeSpan.FromHours(1));
        var reminder = Assert.Single(await Outbox.ClaimRemindersAsync(10, Lease, CancellationToken.None));
        await Outbox.PostponeReminderAsync(reminder, _time.GetUtcNow().AddMinutes(1), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        reminder = Assert.Single(await Outbox.ClaimRemindersAsync(10, Lease, CancellationToken.None));

        await Outbox.QueueReminderAsync(reminder, ["{\"r\":1}", "{\"r\":2}"], ["Tiếp tục", "Làm việc khác"], CancellationToken.None);
        await Outbox.QueueReminderAsync(reminder, ["{\"r\":1}", "{\"r\":2}"], ["Tiếp tục", "Làm việc khác"], CancellationToken.None);

        Assert.Equal(["{\"r\":1}", "{\"r\":2}"], (await Outbox.ClaimAsync(10, Lease, CancellationToken.None)).Select(r => r.Message));
        Assert.Equal(["Tiếp tục", "Làm việc khác"], await Inbox.ChoicesAsync("u1", CancellationToken.None));
    }

    [Fact]
    public async Task Dropping_a_users_pending_replies_leaves_other_users_alone()
    {
        await Queue("u1", "a", "b");
        await Queue("u2", "c");

        await Outbox.DropPendingAsync("u1", "unfollowed", CancellationToken.None);

        Assert.Equal(["c"], (await Outbox.ClaimAsync(10, Lease, CancellationToken.None)).Select(r => r.Message));
    }

    [Fact]
    public async Task A_token_pair_is_refreshed_by_one_claimer_and_replaces_the_spent_one()
    {
        var tokens = _storage.Get<IZaloTokenStore>();
        await tokens.StoreAsync(null, "acc-0", "ref-0", _time.GetUtcNow().AddHours(25), _time.GetUtcNow(), CancellationToken.None);
        var current = (await tokens.CurrentAsync(CancellationToken.None))!;
        using var second = _storage.SecondInstance(_time);

        Assert.True(await tokens.TryClaimRefreshAsync(current.Id, _time.GetUtcNow().AddMinutes(1), _time.GetUtcNow(), CancellationToken.None));
        Assert.False(await second.GetRequiredService<IZaloTokenStore>().TryClaimRefreshAsync(current.Id, _time.GetUtcNow().AddMinutes(1), _time.GetUtcNow(), CancellationToken.None));
        await tokens.StoreAsync(current.Id, "acc-1", "ref-1", _time.GetUtcNow().AddHours(25), _time.GetUtcNow(), CancellationToken.None);

        var next = (await second.GetRequiredService<IZaloTokenStore>().CurrentAsync(CancellationToken.None))!;
        Assert.Equal(("acc-1", "ref-1", _time.GetUtcNow().AddHours(25)), (next.AccessToken, next.RefreshToken, next.AccessExpiresAt));
        Assert.False(await tokens.TryClaimRefreshAsync(current.Id, _time.GetUtcNow().AddMinutes(1), _time.GetUtcNow(), CancellationToken.None));

        await tokens.StoreAsync(null, "acc-2", "ref-2", _time.GetUtcNow().AddHours(25), _time.GetUtcNow(), CancellationToken.None);
        Assert.Equal("acc-2", (await tokens.CurrentAsync(CancellationToken.None))!.AccessToken);
    }

    /// <summary>Replies for a user, queued the way a processed event queues them.</summary>
    private async Task Queue(string user, params string[] messages)
    {
        var key = Guid.NewGuid().ToString("N");
        await Inbox.AddAsync(Text(key, user), CancellationToken.None);
        var item = (await Inbox.ClaimAsync(100, Lease, CancellationToken.None)).Single(i => i.Key == key);
        await Inbox.CompleteAsync(item, "ran", messages, false, null, null, CancellationToken.None);
    }
}

public sealed class SqliteZaloContract() : ZaloContract(StorageProvider.Sqlite);

public sealed class PostgresZaloContract() : ZaloContract(StorageProvider.Postgres);
