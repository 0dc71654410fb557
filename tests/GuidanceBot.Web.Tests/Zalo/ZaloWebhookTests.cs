using System.Net;
using System.Text;
using GuidanceBot.Web.Channels.Zalo;

namespace GuidanceBot.Tests.Zalo;

/// <summary>The webhook's gate: signature, replay window, size, idempotency, echoes.</summary>
public sealed class ZaloWebhookTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(7));
    private FakeZalo _fake = null!;
    private ZaloTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeZalo.StartAsync();
        _host = new ZaloTestHost(_fake, new FixedTime(Start));
        await _host.SeedTokensAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private Task<List<string?[]>> Inbox() => _host.QueryAsync("SELECT msg_key, processed_at FROM zalo_inbox");

    [Fact]
    public async Task Forged_unsigned_and_wrong_key_posts_are_refused_and_nothing_is_queued()
    {
        var e = ZaloTestHost.TextEvent("u1", "m1", "đăng ký tạm trú", Start);
        var raw = Encoding.UTF8.GetBytes(e.ToJsonString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.PostAsync(e, signature: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.PostAsync(e, signature: "mac=" + new string('0', 64))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await _host.PostAsync(e, ZaloSignature.Compute(FakeZalo.AppId, raw, ZaloTestHost.Ms(Start), "not-the-oa-secret"))).StatusCode);
        // Signed, then altered: the signature covers the raw body.
        var signed = ZaloSignature.Compute(FakeZalo.AppId, raw, ZaloTestHost.Ms(Start), ZaloTestHost.OaSecretKey);
        e["message"]!["text"] = "something else";
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.PostAsync(e, signed)).StatusCode);

        Assert.Empty(await Inbox());
        Assert.Empty(await _host.QueryAsync("SELECT 1 FROM conversations"));
        Assert.Empty(_fake.Delivered);
    }

    [Fact]
    public async Task Signature_without_the_mac_prefix_is_accepted_too()
    {
        var e = ZaloTestHost.TextEvent("u1", "m1", "xin chào", Start);
        var raw = Encoding.UTF8.GetBytes(e.ToJsonString());
        var bare = ZaloSignature.Compute(FakeZalo.AppId, raw, ZaloTestHost.Ms(Start), ZaloTestHost.OaSecretKey)["mac=".Length..];

        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(e, bare)).StatusCode);
    }

    [Fact]
    public async Task An_event_older_than_the_replay_window_is_refused()
    {
        var old = ZaloTestHost.TextEvent("u1", "m-old", "xin chào", Start - TimeSpan.FromHours(2));

        var response = await _host.PostAsync(old);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("StaleEvent", await response.Content.ReadAsStringAsync());
        Assert.Empty(await Inbox());
    }

    [Fact]
    public async Task An_oversized_post_is_refused()
    {
        var e = ZaloTestHost.TextEvent("u1", "m-big", new string('a', 70 * 1024), Start);

        var response = await _host.PostAsync(e);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await Inbox());
    }

    [Fact]
    public async Task The_same_signed_event_posted_five_times_runs_one_turn()
    {
        var e = ZaloTestHost.TextEvent("u-dup", "m-dup", "xin chào", Start);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(e)).StatusCode);
        }
        // A second message behind it: once its replies are out, every copy of the first has been dealt with.
        await _host.PostAsync(ZaloTestHost.TextEvent("u-dup", "m-next", "giúp", Start));
        await Eventually.Until(() => Inbox(), rows => rows.Count == 2 && rows.All(r => r[1] is not null), "both events processed");
        await Eventually.Until(() => _host.QueryAsync("SELECT status FROM zalo_outbox"), rows => rows.Count > 0 && rows.All(r => r[0] == "sent"), "replies sent");

        var state = await _host.QueryAsync("SELECT state FROM conversations");
        Assert.Single(state);
        Assert.Contains("\"turnCount\":2", state[0][0]);
    }

    [Fact]
    public async Task Every_acknowledged_post_is_in_the_inbox_when_its_200_arrives()
    {
        // Concurrent posts share the writer's transactions; each answer comes only after its own row is committed.
        var posts = Enumerable.Range(0, 60).Select(async i =>
        {
            var response = await _host.PostAsync(ZaloTestHost.TextEvent($"u-burst-{i % 7}", $"burst-{i}", "xin chào", Start));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var row = await _host.QueryAsync($"SELECT COUNT(*) FROM zalo_inbox WHERE msg_key = 'burst-{i}'");
            Assert.Equal("1", row[0][0]);
        });

        await Task.WhenAll(posts);

        Assert.Equal("60", (await _host.QueryAsync("SELECT COUNT(*) FROM zalo_inbox"))[0][0]);
        Assert.Equal("7", (await _host.QueryAsync("SELECT COUNT(*) FROM zalo_users WHERE user_id LIKE 'u-burst-%'"))[0][0]);
    }

    [Fact]
    public async Task The_oas_own_echoes_and_receipts_are_ignored()
    {
        foreach (var name in new[] { "oa_send_text", "user_received_message", "user_seen_message", "oa_send_template" })
        {
            Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(ZaloTestHost.OaEvent(name, "u1", "echo-" + name, Start))).StatusCode);
        }
        var fromAgent = ZaloTestHost.TextEvent("u1", "agent-1", "Chào bạn", Start);
        fromAgent["sender"]!["admin_id"] = "42";
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(fromAgent)).StatusCode);

        Assert.Empty(await Inbox());
        Assert.Empty(await _host.QueryAsync("SELECT 1 FROM conversations"));
    }

    [Fact]
    public async Task Without_configuration_the_webhook_answers_503_with_a_clear_error()
    {
        await using var plain = new TestHost();
        using var client = plain.CreateClient();

        var response = await client.PostAsync(ZaloWebhookEndpoints.Path, new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("ZaloNotConfigured", await response.Content.ReadAsStringAsync());
    }
}
