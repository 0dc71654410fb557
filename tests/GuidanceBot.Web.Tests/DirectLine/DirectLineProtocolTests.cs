using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace GuidanceBot.Tests.DirectLine;

public sealed class DirectLineProtocolTests : IAsyncLifetime
{
    private readonly TestHost _host = DirectLineClient.NewHost();
    private DirectLineClient _dl = null!;

    public Task InitializeAsync()
    {
        _dl = new DirectLineClient(_host, _host.CreateClient());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Starting_answers_201_with_an_absolute_stream_url_and_the_bot_greets_first()
    {
        var (conversationId, _, streamUrl) = await _dl.Start();

        Assert.StartsWith($"ws://localhost/v3/directline/conversations/{conversationId}/stream?t=", streamUrl);
        var page = await _dl.Json(HttpMethod.Get, $"/conversations/{conversationId}/activities", DirectLineClient.Secret);
        var greeting = Assert.Single(page["activities"]!.AsArray())!;
        Assert.StartsWith("Xin chào", (string?)greeting["text"]);
        Assert.Equal($"{conversationId}|0000001", (string?)greeting["id"]);
        Assert.Equal("guidancebot", (string?)greeting["from"]!["id"]);
        Assert.NotNull(greeting["suggestedActions"]);
        Assert.Equal("1", (string?)page["watermark"]);
    }

    [Fact]
    public async Task The_greeting_follows_the_locale_the_page_passes()
    {
        var (conversationId, token, _) = await _dl.Start(locale: "en-US");

        var page = await _dl.Json(HttpMethod.Get, $"/conversations/{conversationId}/activities", token);
        Assert.StartsWith("Hello", (string?)page["activities"]![0]!["text"]);
    }

    [Fact]
    public async Task Starting_again_with_the_same_token_answers_200_and_does_not_greet_twice()
    {
        var (conversationId, token, _) = await _dl.Start();

        var again = await _dl.Json(HttpMethod.Post, "/conversations", token, new { locale = "vi-VN" }, status: 200);

        Assert.Equal(conversationId, (string?)again["conversationId"]);
        var page = await _dl.Json(HttpMethod.Get, $"/conversations/{conversationId}/activities", token);
        Assert.Single(page["activities"]!.AsArray());
    }

    [Fact]
    public async Task A_posted_message_is_echoed_with_its_server_id_and_client_activity_id_before_the_replies()
    {
        var (conversationId, token, _) = await _dl.Start();

        var posted = await _dl.Json(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, DirectLineClient.Message("khai sinh", "client-1"));

        var page = await _dl.Json(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark=1", token);
        var activities = page["activities"]!.AsArray();
        var echo = activities[0]!;
        Assert.Equal((string?)posted["id"], (string?)echo["id"]);
        Assert.Equal("client-1", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.Equal("dl_tester", (string?)echo["from"]!["id"]);
        Assert.Equal("user", (string?)echo["from"]!["role"]);
        Assert.True(activities.Count >= 2);
        Assert.All(activities.Skip(1), a => Assert.Equal("guidancebot", (string?)a!["from"]!["id"]));
        Assert.Equal((string?)echo["id"], (string?)activities[1]!["replyToId"]);
    }

    [Fact]
    public async Task Watermarks_page_forward_and_an_empty_page_keeps_the_clients_watermark()
    {
        var (conversationId, token, _) = await _dl.Start();
        await _dl.Json(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, DirectLineClient.Message("khai sinh", "c1"));

        var all = await _dl.Json(HttpMethod.Get, $"/conversations/{conversationId}/activities", token);
        var last = (string)all["watermark"]!;
        var empty = await _dl.Json(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark={last}", token);

        Assert.Empty(empty["activities"]!.AsArray());
        Assert.Equal(last, (string?)empty["watermark"]);
        Assert.Equal(all["activities"]!.AsArray().Count, int.Parse(last));
        var bad = await _dl.Send(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark=abc", token);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_stream_replays_the_greeting_then_carries_the_echo_before_the_reply()
    {
        var (conversationId, token, streamUrl) = await _dl.Start();
        await using var stream = await _dl.Connect(streamUrl);

        await stream.Until(a => ((string?)a["text"])?.StartsWith("Xin chào") == true);
        await _dl.Json(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, DirectLineClient.Message("khai sinh", "ws-1"));
        var reply = await stream.Until(a => (string?)a["from"]!["id"] == "guidancebot" && (string?)a["replyToId"] is not null);

        var echoIndex = stream.Activities.FindIndex(a => (string?)a["channelData"]?["clientActivityID"] == "ws-1");
        Assert.True(echoIndex >= 0 && echoIndex < stream.Activities.IndexOf(reply));
        Assert.DoesNotContain(stream.Activities, a => (string?)a["type"] == "conversationUpdate");
    }

    [Fact]
    public async Task Reconnecting_gives_a_fresh_token_and_a_stream_that_replays_only_after_the_watermark()
    {
        var (conversationId, token, _) = await _dl.Start();
        await _dl.Json(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, DirectLineClient.Message("khai sinh", "c1"));
        var seen = (string)(await _dl.Json(HttpMethod.Get, $"/conversations/{conversationId}/activities", token))["watermark"]!;

        var reconnect = await _dl.Json(HttpMethod.Get, $"/conversations/{conversationId}?watermark={seen}", token);
        Assert.NotEqual(token, (string?)reconnect["token"]);
        await using var stream = await _dl.Connect((string)reconnect["streamUrl"]!);
        await _dl.Json(HttpMethod.Post, $"/conversations/{conversationId}/activities", (string)reconnect["token"]!, DirectLineClient.Message("giúp", "c2"));
        await stream.Until(a => (string?)a["replyToId"] is not null);

        var first = stream.Activities[0];
        Assert.Equal("c2", (string?)first["channelData"]?["clientActivityID"]);
    }

    [Fact]
    public async Task A_new_user_message_from_the_body_cannot_pretend_to_be_another_user()
    {
        var (conversationId, token, _) = await _dl.Start();

        var forged = new { type = "message", text = "giúp", from = new { id = "someone-else" }, channelData = new { clientActivityID = "f" } };
        await _dl.Json(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, forged);

        var page = await _dl.Json(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark=1", token);
        Assert.Equal("dl_tester", (string?)page["activities"]![0]!["from"]!["id"]);
    }

    [Fact]
    public async Task Wrong_activity_types_and_oversized_bodies_get_400_with_a_json_error()
    {
        var (conversationId, token, _) = await _dl.Start();

        var update = await _dl.Send(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, new { type = "conversationUpdate" });
        var huge = await _dl.Send(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, new { type = "message", text = new string('a', 70_000) });

        Assert.Equal(HttpStatusCode.BadRequest, update.StatusCode);
        Assert.Equal("BadArgument", (string?)(await update.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal("BodyTooLarge", (string?)(await huge.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
    }

    [Fact]
    public async Task Turns_are_recorded_under_the_directline_channel()
    {
        var (conversationId, token, _) = await _dl.Start();
        await _dl.Json(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, DirectLineClient.Message("tôi muốn làm giấy khai sinh cho con", "c1"));

        var events = await _host.Events();
        Assert.Contains(events, e => e.Channel == "directline" && e.Kind == GuidanceBot.Analytics.EventKinds.FlowStarted && e.FlowId == "khai-sinh");
    }
}
