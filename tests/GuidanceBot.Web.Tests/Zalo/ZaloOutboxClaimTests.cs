using System.Globalization;
using GuidanceBot.Web.Channels.Zalo;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests.Zalo;

/// <summary>Several workers on one database file: each reply is claimed by one of them and reaches Zalo once, in order.</summary>
public sealed class ZaloOutboxClaimTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(7));
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gb-zalo-claim-{Guid.NewGuid():N}", "bot.db");
    private readonly FixedTime _time = new(Start);
    private FakeZalo _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeZalo.StartAsync();

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path.GetDirectoryName(_path)))
        {
            Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
        }
    }

    /// <summary>
    /// Queues <paramref name="perUser"/> numbered replies for each user, as the inbox worker would; with
    /// <paramref name="claimedUntil"/>, as a worker's claim until then (in the same transaction, so the host's own worker
    /// cannot take a row between the queueing and the claim).
    /// </summary>
    private async Task QueueAsync(ZaloTestHost host, int users, int perUser, DateTimeOffset? claimedUntil = null)
    {
        var now = _time.Now.ToUnixTimeMilliseconds();
        await using var connection = new SqliteConnection($"Data Source={host.Host.SqlitePath};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        for (var u = 0; u < users; u++)
        {
            await using var user = connection.CreateCommand();
            user.Transaction = transaction;
            user.CommandText = "INSERT INTO zalo_users(user_id, last_message_at) VALUES($user, $now)";
            user.Parameters.AddWithValue("$user", $"u-{u}");
            user.Parameters.AddWithValue("$now", now);
            await user.ExecuteNonQueryAsync();
        }
        // Interleaved, as replies to many citizens arrive.
        for (var n = 0; n < perUser; n++)
        {
            for (var u = 0; u < users; u++)
            {
                await using var reply = connection.CreateCommand();
                reply.Transaction = transaction;
                reply.CommandText = "INSERT INTO zalo_outbox(user_id, message, created_at, due_at) VALUES($user, $message, $now, $now)";
                reply.Parameters.AddWithValue("$user", $"u-{u}");
                reply.Parameters.AddWithValue("$message", $$"""{"text":"{{n}}"}""");
                reply.Parameters.AddWithValue("$now", now);
                await reply.ExecuteNonQueryAsync();
            }
        }
        if (claimedUntil is { } until)
        {
            await using var claim = connection.CreateCommand();
            claim.Transaction = transaction;
            claim.CommandText = "UPDATE zalo_outbox SET status = 'sending', due_at = $until";
            claim.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
            await claim.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private static Task<List<string?[]>> Statuses(ZaloTestHost host) => host.QueryAsync("SELECT status, COUNT(*) FROM zalo_outbox GROUP BY status");

    [Fact]
    public async Task Two_instances_on_one_database_deliver_every_reply_exactly_once_and_in_order()
    {
        await using var a = new ZaloTestHost(_fake, _time, _path);
        await a.SeedTokensAsync();
        await using var b = new ZaloTestHost(_fake, _time, _path);
        _ = b.Client;   // both hosts are running their outbox workers
        const int users = 15, perUser = 20;

        await QueueAsync(a, users, perUser);
        a.Get<ZaloWakeUps>().Outbox.Release();
        b.Get<ZaloWakeUps>().Outbox.Release();
        await Eventually.Until(() => Statuses(a), rows => rows is [["sent", var n]] && n == (users * perUser).ToString(CultureInfo.InvariantCulture),
            "every reply sent", seconds: 60);

        Assert.Equal(users * perUser, _fake.Delivered.Count);
        for (var u = 0; u < users; u++)
        {
            var texts = _fake.To($"u-{u}").Select(m => (string)m["text"]!).ToList();
            Assert.Equal(Enumerable.Range(0, perUser).Select(n => n.ToString(CultureInfo.InvariantCulture)), texts);
        }
    }

    [Fact]
    public async Task Replies_claimed_by_a_worker_that_died_are_sent_by_another_when_the_lease_ends()
    {
        await using var host = new ZaloTestHost(_fake, _time, _path);
        await host.SeedTokensAsync();
        var lease = host.Get<Microsoft.Extensions.Options.IOptions<ZaloOptions>>().Value.SendLease;
        // Rows a worker claimed just before it died: in its hands until the lease ends.
        await QueueAsync(host, users: 2, perUser: 2, claimedUntil: _time.Now + lease);

        // While the lease holds, nobody else takes them.
        Assert.Empty(await host.Get<GuidanceBot.Channels.Zalo.IZaloOutbox>().ClaimAsync(10, lease, CancellationToken.None));
        Assert.Empty(_fake.Delivered);

        _time.Advance(lease + TimeSpan.FromSeconds(1));
        await Eventually.Until(() => Statuses(host), rows => rows is [["sent", "4"]], "the dead worker's replies sent");
        Assert.Equal(["0", "1"], _fake.To("u-0").Select(m => (string)m["text"]!));
        Assert.Equal(4, _fake.Delivered.Count);
    }
}
