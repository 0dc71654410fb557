using GuidanceBot.Channels.BotConnector;
using GuidanceBot.Storage;
using GuidanceBot.Storage.Postgres;
using GuidanceBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests;

/// <summary>What the Bot Connector outbox (<see cref="IConnectorOutbox"/>) promises, on each database.</summary>
public abstract class ConnectorOutboxContract : IDisposable
{
    private const string ServiceUrl = "https://smba.example.test/apac/";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private readonly FixedTime _time = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    private readonly StorageUnderTest _storage;

    protected ConnectorOutboxContract(StorageProvider provider) => _storage = new StorageUnderTest(provider, _time);

    public void Dispose() => _storage.Dispose();

    private IConnectorOutbox Outbox => _storage.Get<IConnectorOutbox>();

    /// <summary>One turn's replies in a conversation, queued as the endpoint queues them.</summary>
    private Task Queue(string conversation, params string[] texts) =>
        Outbox.AddAsync(texts.Select(t => new ConnectorReply(ServiceUrl, conversation, $"in-{conversation}", $$"""{"text":"{{t}}"}""")).ToList(),
            CancellationToken.None);

    private static IEnumerable<string> Texts(IEnumerable<ConnectorOutboxItem> items) =>
        items.Select(i => System.Text.Json.JsonDocument.Parse(i.Activity).RootElement.GetProperty("text").GetString()!);

    /// <summary>How many rows the table holds, whatever their state (straight from the database).</summary>
    private async Task<long> RowsAsync(string where = "true")
    {
        var sql = $"SELECT count(*) FROM connector_outbox WHERE {where}";
        var value = _storage.Provider == StorageProvider.Sqlite
            ? await _storage.Get<SqliteDatabase>().ScalarAsync(sql, CancellationToken.None)
            : await _storage.Get<PostgresDatabase>().ScalarAsync(sql, CancellationToken.None);
        return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_turns_replies_are_claimed_in_order_with_their_address()
    {
        await Queue("a:1", "một", "hai", "ba");

        var claimed = await Outbox.ClaimAsync(10, Lease, CancellationToken.None);

        Assert.Equal(["một", "hai", "ba"], Texts(claimed));
        Assert.All(claimed, c => Assert.Equal((ServiceUrl, "a:1", "in-a:1", 0), (c.ServiceUrl, c.ConversationId, c.ReplyToId, c.Attempts)));
        Assert.Equal(3, await Outbox.CountPendingAsync(CancellationToken.None));
        Assert.Empty(await Outbox.ClaimAsync(10, Lease, CancellationToken.None));
    }

    [Fact]
    public async Task A_delivered_reply_is_deleted_and_a_dropped_one_keeps_neither_address_nor_activity()
    {
        await Queue("a:1", "một", "hai");
        var claimed = await Outbox.ClaimAsync(10, Lease, CancellationToken.None);

        await Outbox.SentAsync(claimed[0], CancellationToken.None);
        await Outbox.DropAsync(claimed[1], "http-403", CancellationToken.None);

        Assert.Equal(0, await Outbox.CountPendingAsync(CancellationToken.None));
        Assert.Equal(1, await RowsAsync());
        Assert.Equal(1, await RowsAsync("status = 'dropped' AND reason = 'http-403' AND service_url IS NULL AND conversation_id IS NULL " +
            "AND reply_to_id IS NULL AND activity IS NULL AND order_key NOT LIKE '%a:1%'"));
    }

    [Fact]
    public async Task A_conversations_later_reply_never_overtakes_an_earlier_one_waiting_for_a_retry()
    {
        await Queue("a:1", "first", "second");
        await Queue("a:2", "other");
        var claimed = await Outbox.ClaimAsync(10, Lease, CancellationToken.None);
        Assert.Equal(["first", "second", "other"], Texts(claimed));

        await Outbox.RetryLaterAsync(claimed[0], _time.GetUtcNow().AddSeconds(30), "http-429", CancellationToken.None);
        await Outbox.ReleaseAsync(claimed[1], CancellationToken.None);
        await Outbox.SentAsync(claimed[2], CancellationToken.None);
        await Queue("a:2", "later");
        Assert.Equal(["later"], Texts(await Outbox.ClaimAsync(10, Lease, CancellationToken.None)));

        _time.Advance(TimeSpan.FromSeconds(30));
        var retried = await Outbox.ClaimAsync(10, Lease, CancellationToken.None);
        Assert.Equal([("first", 1), ("second", 0)], Texts(retried).Zip(retried.Select(r => r.Attempts)));
        await Outbox.SentAsync(retried[0], CancellationToken.None);
        await Outbox.SentAsync(retried[1], CancellationToken.None);
        // Outcomes apply only to rows still claimed: a late worker cannot reopen them.
        await Outbox.ReleaseAsync(retried[1], CancellationToken.None);
        Assert.Empty(await Outbox.ClaimAsync(10, Lease, CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_whose_lease_ran_out_is_claimed_again()
    {
        await Queue("a:1", "một");
        var first = Assert.Single(await Outbox.ClaimAsync(10, Lease, CancellationToken.None));
        Assert.Empty(await Outbox.ClaimAsync(10, Lease, CancellationToken.None));

        _time.Advance(Lease + TimeSpan.FromSeconds(1));
        var again = Assert.Single(await Outbox.ClaimAsync(10, Lease, CancellationToken.None));

        Assert.Equal(first.Id, again.Id);
        // The first claimer's lease is over but the row is still 'sending': its late outcome would still count, once.
        await Outbox.SentAsync(again, CancellationToken.None);
        await Outbox.SentAsync(first, CancellationToken.None);
        Assert.Equal(0, await RowsAsync());
    }

    [Fact]
    public async Task Claims_at_two_instances_never_hand_out_a_reply_twice()
    {
        for (var conversation = 0; conversation < 20; conversation++)
        {
            await Queue($"c{conversation}", Enumerable.Range(0, 5).Select(i => $"c{conversation}-{i}").ToArray());
        }
        using var second = _storage.SecondInstance(_time);
        var outboxes = new[] { Outbox, second.GetRequiredService<IConnectorOutbox>() };

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => outboxes[i % 2].ClaimAsync(5, Lease, CancellationToken.None))));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(100, all.Count);
        Assert.Equal(100, all.Select(r => r.Id).Distinct().Count());
        Assert.All(claims, c => Assert.All(c.GroupBy(r => r.ConversationId), g => Assert.Equal(g.Select(r => r.Id).Order(), g.Select(r => r.Id))));
    }
}

public sealed class SqliteConnectorOutboxContract() : ConnectorOutboxContract(StorageProvider.Sqlite);

public sealed class PostgresConnectorOutboxContract() : ConnectorOutboxContract(StorageProvider.Postgres);
