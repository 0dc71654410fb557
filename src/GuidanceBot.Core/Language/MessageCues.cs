namespace GuidanceBot.Language;

/// <summary>
/// What a message says besides a need: the conversational acts and the fact questions in it ("chào ad, bao nhiêu
/// tiền ạ" is a greeting and a fee question), and the words left once those and the softeners are set aside.
/// </summary>
/// <param name="Rest">What the intent recognisers should read: the message as typed when it has no act or question,
/// otherwise its words (with their diacritics) without the question and act phrases — a vague request's words stay
/// ("cần hỏi thủ tục dịch vụ công" still names the portal).</param>
/// <param name="ContentWords">How many words are neither part of an act or question phrase nor softeners ("ạ", "ad ơi", "nhé").</param>
public sealed record MessageCues(IReadOnlyList<ConversationalAct> Acts, IReadOnlyList<string> Questions, string Rest, int ContentWords)
{
    /// <summary>Some word says more than the acts and questions do.</summary>
    public bool HasContent => ContentWords > 0;

    /// <summary>Only acts: nothing to look up, nothing asked.</summary>
    public bool IsOnlyActs => Acts.Count > 0 && Questions.Count == 0 && !HasContent;
}
