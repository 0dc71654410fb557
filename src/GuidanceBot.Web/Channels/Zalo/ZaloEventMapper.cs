using System.Security.Cryptography;
using System.Text;
using GuidanceBot.Activities;
using GuidanceBot.Bot;
using GuidanceBot.Channels.Zalo;
using GuidanceBot.Texts;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>What one inbox event becomes: notices the channel sends itself, then (maybe) an activity for the engine.</summary>
public sealed record ZaloTurn(string Outcome, IReadOnlyList<string> Notices, Activity? Activity);

/// <summary>
/// Turns webhook events into Bot Framework activities. The conversation id is a keyed hash of the Zalo user id, so
/// analytics and state never hold the id itself. Button taps arrive as the button's text, which the dialogs already
/// recognise as the choice (titles, or the number of a numbered option).
/// </summary>
public sealed class ZaloEventMapper
{
    public const string ChannelId = "zalo";

    // In Vietnamese: the event comes before any conversation state, so before a language is known.
    public static string TextOnlyNotice => BotTexts.Get("vi", "ZaloTextOnly");

    public static string InfoReceivedNotice => BotTexts.Get("vi", "ZaloInfoReceived");

    private readonly byte[] _key;
    private readonly bool _reminders;

    public ZaloEventMapper(IOptions<ZaloOptions> options)
    {
        var o = options.Value;
        _key = string.IsNullOrEmpty(o.ConversationSecret)
            ? HMACSHA256.HashData(Encoding.UTF8.GetBytes(o.OaSecretKey), "guidancebot/zalo/conversation-id"u8)
            : Encoding.UTF8.GetBytes(o.ConversationSecret);
        _reminders = o.Reminders.Enabled;
    }

    /// <summary>A stable conversation id for the user that does not reveal the user id.</summary>
    public string ConversationId(string userId) =>
        "zalo-" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(userId)))[..32];

    /// <param name="lastChoices">The options the bot last offered this user: a bare number picks one of them.</param>
    public ZaloTurn Map(ZaloInboxItem item, IReadOnlyList<string> lastChoices)
    {
        return item.EventName switch
        {
            "user_send_text" when !string.IsNullOrWhiteSpace(item.Text) => new ZaloTurn("turn", [], Message(item, Choice(item.Text, lastChoices))),
            "user_send_text" => new ZaloTurn("empty", [], null),
            "follow" or "user_click_chatnow" => new ZaloTurn("welcome", [], Joined(item)),
            "unfollow" => new ZaloTurn("unfollowed", [], null),
            "user_submit_info" => new ZaloTurn("info-acknowledged", [InfoReceivedNotice], null),
            // Images, stickers, files, locations: say so, then the menu (or the offer to resume) as a join would.
            _ => new ZaloTurn("text-only-notice", [TextOnlyNotice], Joined(item)),
        };
    }

    /// <summary>"2" (or "2.") after a list of options becomes the second option's text, which every dialog recognises.</summary>
    private static string Choice(string text, IReadOnlyList<string> lastChoices)
    {
        var t = text.Trim().TrimEnd('.', ')');
        return t.Length is > 0 and <= 2 && t.All(char.IsAsciiDigit) && int.Parse(t, System.Globalization.CultureInfo.InvariantCulture) is var n
               && n >= 1 && n <= lastChoices.Count
            ? lastChoices[n - 1]
            : text;
    }

    private Activity Message(ZaloInboxItem item, string text) => Base(item, ActivityTypes.Message, text);

    private Activity Joined(ZaloInboxItem item)
    {
        var activity = Base(item, ActivityTypes.ConversationUpdate, null);
        activity.MembersAdded = [new ChannelAccount { Id = activity.From!.Id }];
        return activity;
    }

    private Activity Base(ZaloInboxItem item, string type, string? text)
    {
        var conversation = ConversationId(item.UserId);
        return new Activity
        {
            Type = type,
            Id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(item.Key)))[..24],
            ChannelId = ChannelId,
            From = new ChannelAccount { Id = conversation, Role = "user" },
            Recipient = new ChannelAccount { Id = "oa", Role = "bot" },
            Conversation = new ConversationAccount { Id = conversation },
            Locale = "vi-VN",
            Text = text,
            // Zalo can message the citizen first (within the service window), so flows may offer a reminder.
            ChannelData = _reminders ? ResumeReminders.OfferedChannelData : null,
        };
    }
}
