using System.Net;
using System.Text.Json.Nodes;
using GuidanceBot.Analytics;
using GuidanceBot.Web.Channels.Zalo;

namespace GuidanceBot.Tests.Zalo;

/// <summary>Conversations over the webhook, with replies checked as Zalo receives them.</summary>
public sealed class ZaloConversationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(7));
    private FakeZalo _fake = null!;
    private ZaloTestHost _host = null!;
    private int _msg;

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

    /// <summary>Posts an event and returns the messages Zalo received for the user because of it.</summary>
    private async Task<IReadOnlyList<JsonObject>> Say(string userId, JsonObject e)
    {
        var before = _fake.To(userId).Count;
        var pendingBefore = await _host.QueryAsync("SELECT COUNT(*) FROM zalo_inbox");
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(e)).StatusCode);
        // Done when the event is processed and nothing for it is left in the outbox.
        await Eventually.Until(() => _host.QueryAsync(
                "SELECT (SELECT COUNT(*) FROM zalo_inbox WHERE processed_at IS NULL) + (SELECT COUNT(*) FROM zalo_outbox WHERE status IN ('pending', 'sending'))"),
            rows => rows[0][0] == "0", "event processed and replies delivered");
        return _fake.To(userId).Skip(before).ToList();
    }

    private Task<IReadOnlyList<JsonObject>> Text(string userId, string text) =>
        Say(userId, ZaloTestHost.TextEvent(userId, $"msg-{++_msg}", text, _host.Time.Now));

    private static List<JsonObject> Buttons(IReadOnlyList<JsonObject> messages) =>
        messages.LastOrDefault(m => m["attachment"] is not null)?["attachment"]!["payload"]!["buttons"]!.AsArray()
            .Select(b => b!.AsObject()).ToList() ?? [];

    private static string AllText(IReadOnlyList<JsonObject> messages) => string.Join("\n", messages.Select(m => (string?)m["text"]));

    [Fact]
    public async Task Follow_gets_a_welcome_and_the_menu_as_buttons()
    {
        var replies = await Say("u-follow", ZaloTestHost.FollowEvent("u-follow", Start));

        Assert.NotEmpty(replies);
        var buttons = Buttons(replies);
        Assert.InRange(buttons.Count, 2, 5);
        Assert.All(buttons, b => Assert.Equal("oa.query.show", (string?)b["type"]));
        Assert.Contains(buttons, b => (string?)b["title"] == "Thường trú, tạm trú, lưu trú");
    }

    [Theory]
    [InlineData("user_send_image", "image")]
    [InlineData("user_send_sticker", "sticker")]
    [InlineData("user_send_location", "location")]
    public async Task An_image_or_sticker_gets_a_polite_text_only_notice_and_the_menu(string eventName, string type)
    {
        var replies = await Say("u-media", ZaloTestHost.AttachmentEvent(eventName, "u-media", "media-1", type, Start));

        Assert.Equal(ZaloEventMapper.TextOnlyNotice, (string?)replies[0]["text"]);
        Assert.NotEmpty(Buttons(replies));
    }

    [Fact]
    public async Task Submitted_info_is_acknowledged_and_never_stored()
    {
        var e = ZaloTestHost.FollowEvent("u-info", Start);
        e["event_name"] = "user_submit_info";
        e.Remove("follower");
        e["sender"] = new JsonObject { ["id"] = "u-info" };
        e["info"] = new JsonObject { ["name"] = "Nguyễn Văn A", ["phone"] = "84912345678", ["address"] = "12 Lê Lợi" };

        var replies = await Say("u-info", e);

        Assert.Equal(ZaloEventMapper.InfoReceivedNotice, (string?)Assert.Single(replies)["text"]);
        var stored = string.Join("|", (await _host.QueryAsync("SELECT * FROM zalo_inbox")).SelectMany(r => r));
        Assert.DoesNotContain("84912345678", stored);
        Assert.DoesNotContain("Nguyễn", stored);
    }

    [Fact]
    public async Task A_whole_procedure_is_walked_by_button_taps_arriving_as_text()
    {
        const string user = "u-walk";
        var replies = await Say(user, ZaloTestHost.FollowEvent(user, Start));
        replies = await Text(user, "Thường trú, tạm trú, lưu trú");
        Assert.Contains(Buttons(replies), b => (string?)b["payload"] == "Đăng ký tạm trú");
        replies = await Text(user, "Đăng ký tạm trú");

        for (var taps = 0; taps < 40; taps++)
        {
            var events = await _host.Host.Events();
            if (events.Any(e => e.Kind == EventKinds.FlowCompleted || e.Kind == EventKinds.HandedOff))
            {
                break;
            }
            var buttons = Buttons(replies).Where(b => (string?)b["type"] == "oa.query.show").ToList();
            Assert.True(buttons.Count > 0, $"no button to tap after: {AllText(replies)}");
            // The tap comes back as a user_send_text carrying the button's payload.
            replies = await Text(user, (string)buttons[0]["payload"]!);
        }

        var recorded = await _host.Host.Events();
        Assert.Contains(recorded, e => e.Kind == EventKinds.FlowStarted && e.FlowId == "tam-tru" && e.Channel == ZaloEventMapper.ChannelId);
        Assert.Contains(recorded, e => e.Kind == EventKinds.FlowCompleted && e.FlowId == "tam-tru");
        Assert.DoesNotContain(recorded, e => e.Kind == EventKinds.NotUnderstood);
        // Every message Zalo received respects its limits.
        Assert.All(_fake.To(user), m => Assert.InRange(((string)m["text"]!).Length, 1, ZaloMessageBuilder.MaxText));
        // Analytics and state never hold the Zalo user id.
        Assert.DoesNotContain(recorded, e => e.ConversationId.Contains(user, StringComparison.Ordinal));
        Assert.All(await _host.QueryAsync("SELECT key FROM conversations"), r => Assert.DoesNotContain(user, r[0]));
    }

    [Fact]
    public async Task A_numbered_option_typed_as_a_digit_picks_that_choice()
    {
        const string user = "u-number";
        await Say(user, ZaloTestHost.FollowEvent(user, Start));
        // Topic 3 of the menu is residence; its first procedure is picked the same way.
        var replies = await Text(user, "3");
        Assert.Contains(Buttons(replies), b => (string?)b["payload"] == "Đăng ký tạm trú");
    }
}
