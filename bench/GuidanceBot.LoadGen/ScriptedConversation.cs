using System.Text.Json;

namespace GuidanceBot.LoadGen;

/// <summary>
/// One citizen's conversation: opens with <c>conversationUpdate</c>, then follows the bot's buttons
/// when it offers some and otherwise types the next message from a fixed list.
/// </summary>
public sealed class ScriptedConversation
{
    // Typed the way citizens write: with and without diacritics, commands mixed with requests.
    private static readonly string[] CitizenMessages =
    [
        "xin chào",
        "tôi muốn làm giấy khai sinh",
        "dang ky tam tru",
        "giúp",
        "quay lại",
        "làm căn cước công dân cần giấy tờ gì",
        "thu tuc dang ky ket hon",
        "lệ phí bao nhiêu",
        "bắt đầu lại",
        "cấp lại hộ chiếu bị mất",
        "đăng ký thường trú cho con",
        "cảm ơn",
    ];

    private static readonly ChannelAccount Bot = new("bot");

    private readonly ChannelAccount _user;
    private readonly ConversationAccount _conversation;
    private readonly int _maxTurns;
    private int _turnNumber;
    private int _textCursor;

    public ScriptedConversation(string runId, int number, int maxTurns)
    {
        _user = new ChannelAccount($"user-{number}");
        _conversation = new ConversationAccount($"loadgen-{runId}-{number}");
        _maxTurns = maxTurns;
        // Conversations start at different messages so the bot does not see 32 identical streams.
        _textCursor = number % CitizenMessages.Length;
    }

    /// <summary>True once the conversation has sent its share of turns.</summary>
    public bool IsFinished => _turnNumber >= _maxTurns;

    /// <summary>The activity for the next turn, chosen from the bot's previous answer (null after an error).</summary>
    public OutgoingActivity NextTurn(ExpectRepliesResponse? previous)
    {
        var turn = _turnNumber++;
        if (turn == 0)
        {
            return Activity("conversationUpdate", text: null, membersAdded: [_user]);
        }

        var text = ButtonToPress(previous, turn) ?? CitizenMessages[_textCursor++ % CitizenMessages.Length];
        return Activity("message", text, membersAdded: null);
    }

    // Pressing button (turn % count) of the last reply walks different branches of the guided flow.
    private static string? ButtonToPress(ExpectRepliesResponse? previous, int turn)
    {
        var activities = previous?.Activities;
        if (activities is not { Count: > 0 } || activities[^1].SuggestedActions?.Actions is not { Count: > 0 } actions)
        {
            return null;
        }

        var action = actions[turn % actions.Count];
        if (action.Value is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }
        return string.IsNullOrEmpty(action.Title) ? null : action.Title;
    }

    private OutgoingActivity Activity(string type, string? text, IReadOnlyList<ChannelAccount>? membersAdded) => new(
        Type: type,
        Id: Guid.NewGuid().ToString(),
        Timestamp: DateTime.UtcNow,
        ChannelId: "loadgen",
        ServiceUrl: "http://loadgen.invalid",
        From: _user,
        Recipient: Bot,
        Conversation: _conversation,
        Locale: "vi-VN",
        Text: text,
        MembersAdded: membersAdded,
        DeliveryMode: "expectReplies");
}
