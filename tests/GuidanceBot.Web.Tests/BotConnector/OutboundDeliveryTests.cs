using System.Net;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using static GuidanceBot.Tests.BotConnector.ConnectorChannel;

namespace GuidanceBot.Tests.BotConnector;

/// <summary>
/// Normal Bot Connector delivery: <c>/api/messages</c> acknowledges at once and the replies reach a local connector
/// (<see cref="FakeConnector"/>) through the durable outbox — in order, once, with the app's token, retried after 429
/// and 5xx answers, dropped after a final refusal.
/// </summary>
public sealed class OutboundDeliveryTests : IAsyncLifetime
{
    private static readonly string?[] Script = [null, "tôi muốn làm giấy khai sinh cho con"];
    private LocalIdentityProvider _idp = null!;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _idp = await LocalIdentityProvider.StartAsync();
        _connector = await FakeConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _idp.DisposeAsync();
    }

    private string ChannelToken() => _idp.Token(serviceUrl: _connector.ServiceUrl);

    /// <summary>Posts the script to a conversation the normal way; every call must be acknowledged with an empty 200.</summary>
    private async Task PostScriptAsync(HttpClient client, string conversation, string? token, string channel = "msteams")
    {
        var n = 0;
        foreach (var text in Script)
        {
            var response = await PostAsync(client, Activity(_connector.ServiceUrl, conversation, $"{conversation}-in-{n++}", text, channel), token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task A_reply_answered_429_then_500_is_delivered_once_in_order_after_the_wait_the_connector_asked_for()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
        await using var host = Host(_idp);
        host.Time = time;
        var client = host.CreateClient();
        var expected = await ExpectedTextsAsync(client, _connector.ServiceUrl, Script, ChannelToken());
        _connector.Script.Enqueue((429, "120"));
        _connector.Script.Enqueue((500, null));

        await PostScriptAsync(client, "a:conversation-1", ChannelToken());

        // The 429's Retry-After is honoured: the reply is due exactly 120 s later, and its later replies wait behind it.
        var throttled = await Eventually.Until(() => OutboxAsync(host.SqlitePath), rows => rows.Count > 0 && rows[0].Attempts == 1, "the 429 recorded");
        Assert.Equal(("pending", "http-429", time.Now.AddSeconds(120)), (throttled[0].Status, throttled[0].Reason, throttled[0].Due));
        Assert.Equal(expected.Count, throttled.Count);
        time.Advance(TimeSpan.FromSeconds(120));
        var failed = await Eventually.Until(() => OutboxAsync(host.SqlitePath), rows => rows[0].Attempts == 2, "the 500 recorded");
        Assert.Equal(("pending", "http-500"), (failed[0].Status, failed[0].Reason));
        Assert.InRange(failed[0].Due, time.Now, time.Now.AddSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.Until(() => _connector.Delivered.Count, n => n == expected.Count, "every reply delivered");

        var delivered = _connector.Delivered.ToList();
        Assert.Equal(expected, delivered.Select(d => d.Text));
        Assert.Equal([429, 500, .. Enumerable.Repeat(200, expected.Count)], _connector.Answers);
        Assert.Empty(await OutboxAsync(host.SqlitePath));
        // Every reply carries the app's token, fetched once; the channel's own token is never sent back.
        Assert.All(delivered, d => Assert.Equal("Bearer bot-token-1", d.Authorization));
        Assert.Single(_idp.TokenRequests);
        // Addressed back into the conversation, answering the activity that caused it, from the bot to the citizen.
        Assert.All(delivered, d => Assert.Equal("a:conversation-1", d.ConversationId));
        Assert.Equal("a:conversation-1-in-0", delivered[0].ReplyToId);
        Assert.Equal("a:conversation-1-in-1", delivered[^1].ReplyToId);
        Assert.All(delivered, d =>
        {
            Assert.Equal((BotId, UserId), ((string?)d.Activity["from"]!["id"], (string?)d.Activity["recipient"]!["id"]));
            Assert.Equal(LocalIdentityProvider.TenantId, (string?)d.Activity["conversation"]!["tenantId"]);
            Assert.Equal(("msteams", d.ReplyToId), ((string?)d.Activity["channelId"], (string?)d.Activity["replyToId"]));
            // The channel gives a reply its id.
            Assert.Null(d.Activity["id"]);
        });
    }

    [Fact]
    public async Task The_emulator_without_an_app_id_gets_its_replies_on_this_machine_without_a_token()
    {
        await using var host = Host();
        var client = host.CreateClient();
        var expected = await ExpectedTextsAsync(client, _connector.ServiceUrl, Script);

        await PostScriptAsync(client, "emulator-conversation", token: null, channel: "emulator");

        await Eventually.Until(() => _connector.Delivered.Count, n => n == expected.Count, "every reply delivered");
        Assert.Equal(expected, _connector.Delivered.Select(d => d.Text));
        Assert.All(_connector.Delivered, d => Assert.Null(d.Authorization));
        Assert.All(_connector.Delivered, d => Assert.Equal("emulator", (string?)d.Activity["channelId"]));
        Assert.Empty(_idp.TokenRequests);
    }

    [Fact]
    public async Task A_final_refusal_drops_the_reply_with_its_reason_and_the_conversations_later_replies_still_go()
    {
        await using var host = Host(_idp);
        var client = host.CreateClient();
        var expected = await ExpectedTextsAsync(client, _connector.ServiceUrl, Script, ChannelToken());
        _connector.Script.Enqueue((403, null));

        await PostScriptAsync(client, "a:conversation-2", ChannelToken());

        await Eventually.Until(() => _connector.Delivered.Count, n => n == expected.Count - 1, "the other replies delivered");
        Assert.Equal(expected.Skip(1), _connector.Delivered.Select(d => d.Text));
        var dropped = Assert.Single(await OutboxAsync(host.SqlitePath));
        // Tried once, kept with its reason and without the activity.
        Assert.Equal(("dropped", 0, "http-403", false), (dropped.Status, dropped.Attempts, dropped.Reason, dropped.HasActivity));
        var scrape = await client.GetStringAsync("/metrics");
        Assert.Contains(scrape.Split('\n'), l => l.StartsWith("guidancebot_send_errors_total{", StringComparison.Ordinal)
            && l.Contains("channel=\"bot-connector\"", StringComparison.Ordinal) && l.Contains("code=\"http-403\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_the_connector_refuses_is_replaced_once_and_the_reply_goes_with_the_new_one()
    {
        await using var host = Host(_idp);
        var client = host.CreateClient();
        var expected = await ExpectedTextsAsync(client, _connector.ServiceUrl, Script, ChannelToken());
        _connector.Script.Enqueue((401, null));

        await PostScriptAsync(client, "a:conversation-3", ChannelToken());

        await Eventually.Until(() => _connector.Delivered.Count, n => n == expected.Count, "every reply delivered");
        Assert.Equal(expected, _connector.Delivered.Select(d => d.Text));
        Assert.Equal(401, _connector.Answers.First());
        Assert.All(_connector.Delivered, d => Assert.Equal("Bearer bot-token-2", d.Authorization));
        Assert.Equal(2, _idp.TokenRequests.Count);
    }

    [Fact]
    public async Task The_apps_token_is_renewed_shortly_before_it_expires()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
        _idp.TokenLifetime = 3600;
        await using var host = Host(_idp);
        host.Time = time;
        var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, Activity(_connector.ServiceUrl, "a:conversation-4", "t1", null), ChannelToken())).StatusCode);
        await Eventually.Until(() => _connector.Delivered.Count, n => n >= 1, "the first reply");
        // Still fresh 54 minutes later; within the last 5 minutes (TokenRefreshAhead) it is renewed.
        time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, Activity(_connector.ServiceUrl, "a:conversation-4", "t2", "xin chào"), ChannelToken())).StatusCode);
        await Eventually.Until(() => _connector.Delivered.Count(d => d.ReplyToId == "t2"), n => n >= 1, "the second turn's reply");
        time.Advance(TimeSpan.FromMinutes(1.5));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, Activity(_connector.ServiceUrl, "a:conversation-4", "t3", "cảm ơn"), ChannelToken())).StatusCode);
        await Eventually.Until(() => _connector.Delivered.Count(d => d.ReplyToId == "t3"), n => n >= 1, "the third turn's reply");

        Assert.All(_connector.Delivered.Where(d => d.ReplyToId != "t3"), d => Assert.Equal("Bearer bot-token-1", d.Authorization));
        Assert.All(_connector.Delivered.Where(d => d.ReplyToId == "t3"), d => Assert.Equal("Bearer bot-token-2", d.Authorization));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_user_assigned_managed_identity_gets_its_token_from_the_identity_endpoint(bool appService)
    {
        await using var host = Host();
        host.Settings["MicrosoftAppType"] = "UserAssignedMSI";
        host.Settings["MicrosoftAppId"] = LocalIdentityProvider.AppId;
        host.Settings["MicrosoftAppTenantId"] = LocalIdentityProvider.TenantId;
        host.Settings["GuidanceBot:BotConnector:OpenIdMetadataUrl"] = _idp.BotFrameworkMetadataUrl;
        host.Settings["GuidanceBot:BotConnector:ManagedIdentityEndpoint"] = _idp.ManagedIdentityEndpoint;
        if (appService)
        {
            // App Service sets IDENTITY_ENDPOINT and IDENTITY_HEADER; the header proves the caller runs in the app.
            host.Settings["IDENTITY_HEADER"] = "identity-header-secret";
        }
        var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, Activity(_connector.ServiceUrl, "a:msi", "m1", null), ChannelToken())).StatusCode);

        var delivered = await Eventually.Until(() => _connector.Delivered.FirstOrDefault(), d => d is not null, "the reply");
        Assert.Equal("Bearer msi-token-1", delivered!.Authorization);
        var request = Assert.Single(_idp.TokenRequests);
        Assert.Equal(("https://api.botframework.com", LocalIdentityProvider.AppId), (request.Fields["resource"], request.Fields["client_id"]));
        Assert.Equal(appService ? (null, "identity-header-secret") : ("true", null), (request.Metadata, request.IdentityHeader));
    }

    [Fact]
    public async Task The_outbox_depth_is_exported_while_replies_wait_and_drops_to_zero_once_they_are_delivered()
    {
        await using var host = Host();
        host.Settings["GuidanceBot:Hosting:QueueDepthEvery"] = "00:00:00.100";
        var client = host.CreateClient();
        _connector.Hold();

        await PostScriptAsync(client, "depth-conversation", token: null, channel: "emulator");

        var waiting = await Eventually.Until(() => QueueDepth(host, "connector-outbox"), depth => depth >= 2, "the waiting replies counted");
        Assert.Matches("guidancebot_queue_depth\\{[^}]*queue=\"connector-outbox\"", await client.GetStringAsync("/metrics"));
        _connector.Release();
        await Eventually.Until(() => QueueDepth(host, "connector-outbox"), depth => depth == 0, "the delivered replies no longer counted");
        Assert.Equal(waiting, (long?)_connector.Delivered.Count);
    }

    /// <summary>
    /// This host's last sample of <c>guidancebot.queue.depth</c> for a queue, read from its own meter (other hosts in the
    /// test process export the same metric names).
    /// </summary>
    private static long? QueueDepth(TestHost host, string queue)
    {
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        long? depth = null;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "guidancebot.queue.depth" && instrument.Meter.Scope == meters)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "queue" && (string?)tag.Value == queue)
                {
                    depth = value;
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return depth;
    }

    [Fact]
    public async Task A_plain_http_service_url_elsewhere_is_refused_even_when_a_valid_token_names_it()
    {
        await using var host = Host(_idp);
        const string serviceUrl = "http://smba.example.test/apac/";

        var response = await PostAsync(host.CreateClient(), Activity(serviceUrl, "a:plain", "p1", "xin chào"), _idp.Token(serviceUrl: serviceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ServiceUrlNotAllowed", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
        Assert.Empty(await OutboxAsync(host.SqlitePath));
    }
}
