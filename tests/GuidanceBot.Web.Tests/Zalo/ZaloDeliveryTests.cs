using System.Net;
using GuidanceBot.Web.Channels.Zalo;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests.Zalo;

/// <summary>Delivery through the OA API: token refresh, error codes, outages, restarts, the service window.</summary>
public sealed class ZaloDeliveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(7));
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gb-zalo-{Guid.NewGuid():N}", "bot.db");
    private readonly FixedTime _time = new(Start);
    private FakeZalo _fake = null!;
    private int _msg;

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

    private async Task<ZaloTestHost> StartHost(bool seed = true, Action<Dictionary<string, string>>? settings = null)
    {
        var host = new ZaloTestHost(_fake, _time, _path, settings);
        if (seed)
        {
            await host.SeedTokensAsync();
        }
        return host;
    }

    private async Task Say(ZaloTestHost host, string user, string text) =>
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(ZaloTestHost.TextEvent(user, $"m-{++_msg}", text, _time.Now))).StatusCode);

    private static Task<List<string?[]>> Outbox(ZaloTestHost host) => host.QueryAsync("SELECT status, reason, attempts FROM zalo_outbox ORDER BY id");

    /// <summary>Waits until more than <paramref name="before"/> replies exist and all of them are sent.</summary>
    private static Task<List<string?[]>> AllSent(ZaloTestHost host, int before = 0) =>
        Eventually.Until(() => Outbox(host), rows => rows.Count > before && rows.All(r => r[0] == "sent"), "every reply sent");

    [Fact]
    public async Task An_expired_token_is_refreshed_once_and_the_replies_are_delivered()
    {
        await using var host = await StartHost();
        _fake.ValidAccessToken = "issued-after-ours";   // what Zalo says about our token now: -216

        await Say(host, "u-exp", "xin chào");
        await Say(host, "u-exp", "giúp");
        await AllSent(host);

        Assert.Equal(1, _fake.RefreshCalls);
        Assert.NotEmpty(_fake.To("u-exp"));
        var tokens = await host.QueryAsync("SELECT refresh_token, spent_at FROM zalo_tokens ORDER BY id");
        Assert.Equal(2, tokens.Count);
        Assert.NotNull(tokens[0][1]);
        Assert.Equal(new string?[] { "ref-1", null }, tokens[1].AsEnumerable());
    }

    [Fact]
    public async Task The_rotated_refresh_token_survives_a_restart()
    {
        await using (var first = await StartHost())
        {
            _fake.ValidAccessToken = "expired";
            await Say(first, "u-rot", "xin chào");
            await AllSent(first);
        }
        _fake.ValidAccessToken = "expired-again";
        await using var second = await StartHost(seed: false);
        var before = (await Outbox(second)).Count;

        await Say(second, "u-rot", "giúp");
        await AllSent(second, before);

        // The second refresh used ref-1, the token the first host stored; ref-0 was never offered twice.
        Assert.Equal(2, _fake.RefreshCalls);
        Assert.Equal("ref-2", _fake.ValidRefreshToken);
    }

    [Fact]
    public async Task Two_concurrent_refreshes_make_one_call_to_zalo()
    {
        await using var host = await StartHost();
        _fake.RefreshDelay = TimeSpan.FromMilliseconds(300);
        // Two independent token holders on the same database, as two workers or two instances would be.
        var a = host.Get<ZaloTokens>();
        var b = ActivatorUtilities.CreateInstance<ZaloTokens>(host.Host.Services);

        var results = await Task.WhenAll(a.RefreshAsync("acc-0", CancellationToken.None), b.RefreshAsync("acc-0", CancellationToken.None));

        Assert.Equal(1, _fake.RefreshCalls);
        Assert.Equal(new string?[] { "acc-1", "acc-1" }, results.AsEnumerable());
    }

    [Fact]
    public async Task A_user_outside_the_interaction_window_is_dropped_with_the_reason()
    {
        await using var host = await StartHost();
        _fake.ErrorFor["u-230"] = -230;

        await Say(host, "u-230", "xin chào");
        var rows = await Eventually.Until(() => Outbox(host), r => r.Count > 0 && r.All(x => x[0] == "dropped"), "replies dropped");

        Assert.All(rows, r => Assert.Equal("zalo-error:-230", r[1]));
        Assert.Empty(_fake.To("u-230"));
    }

    [Fact]
    public async Task A_quota_error_backs_off_instead_of_hammering_zalo()
    {
        await using var host = await StartHost();
        _fake.ErrorFor["u-quota"] = -211;

        await Say(host, "u-quota", "xin chào");
        var rows = await Eventually.Until(() => Outbox(host), r => r.Count > 0 && r[0][2] == "1", "first attempt made");

        Assert.Equal(new string?[] { "pending", "zalo-error:-211", "1" }, rows[0].AsEnumerable());
        var due = await host.QueryAsync("SELECT due_at FROM zalo_outbox ORDER BY id LIMIT 1");
        Assert.True(long.Parse(due[0][0]!) - _time.Now.ToUnixTimeMilliseconds() >= TimeSpan.FromMinutes(5).TotalMilliseconds);
    }

    [Fact]
    public async Task Replies_queued_during_an_outage_are_delivered_after_a_restart()
    {
        await using (var first = await StartHost())
        {
            _fake.Down = true;
            await Say(first, "u-down", "xin chào");
            await Eventually.Until(() => Outbox(first), r => r.Count > 0 && r[0][2] == "1", "a failed attempt");
            Assert.Equal(new string?[] { "pending", "http-500", "1" }, (await Outbox(first))[0].AsEnumerable());
        }
        Assert.Empty(_fake.To("u-down"));

        _fake.Down = false;
        _time.Advance(TimeSpan.FromMinutes(30));
        await using var second = await StartHost(seed: false);

        await AllSent(second);
        Assert.NotEmpty(_fake.To("u-down"));
    }

    [Fact]
    public async Task Nothing_is_sent_once_the_customer_service_window_has_passed()
    {
        await using var host = await StartHost();
        _fake.Down = true;
        await Say(host, "u-late", "xin chào");
        await Eventually.Until(() => Outbox(host), r => r.Count > 0 && r[0][2] == "1", "a failed attempt");

        _time.Advance(TimeSpan.FromHours(49));
        _fake.Down = false;

        var rows = await Eventually.Until(() => Outbox(host), r => r.All(x => x[0] == "dropped"), "replies dropped");
        Assert.All(rows, r => Assert.Equal("outside-service-window", r[1]));
        Assert.Empty(_fake.To("u-late"));
    }
}
