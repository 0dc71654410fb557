namespace GuidanceBot.Language;

/// <summary>
/// What a message does in the conversation rather than ask for a procedure: said before procedures are considered,
/// answered briefly, never started as a procedure nor answered "not understood".
/// </summary>
public enum ConversationalAct
{
    Greeting,
    Thanks,
    Goodbye,
    Acknowledgement,
    WhoAreYou,
    WhatCanYouDo,
    VagueRequest,
    Complaint,
}

/// <summary>The acts' names as analytics and evaluation sets write them, and which act a message with several is answered as.</summary>
public static class ConversationalActs
{
    /// <summary>The kebab-case name: the <c>act</c> property of act events and the label in acts.tsv.</summary>
    public static string Name(this ConversationalAct act) => act switch
    {
        ConversationalAct.Greeting => "greeting",
        ConversationalAct.Thanks => "thanks",
        ConversationalAct.Goodbye => "goodbye",
        ConversationalAct.Acknowledgement => "acknowledgement",
        ConversationalAct.WhoAreYou => "who-are-you",
        ConversationalAct.WhatCanYouDo => "what-can-you-do",
        ConversationalAct.VagueRequest => "vague-request",
        ConversationalAct.Complaint => "complaint",
        _ => throw new ArgumentOutOfRangeException(nameof(act)),
    };

    public static IReadOnlyList<ConversationalAct> All { get; } = Enum.GetValues<ConversationalAct>();

    public static ConversationalAct? FromName(string name) => All.Cast<ConversationalAct?>().FirstOrDefault(a => a!.Value.Name() == name);

    /// <summary>
    /// The act a message of several acts is answered as: the one that needs the fullest answer ("chào bạn, mình cần hỏi"
    /// is a vague request, greeted; "cảm ơn, tạm biệt" a goodbye).
    /// </summary>
    public static ConversationalAct Main(IEnumerable<ConversationalAct> acts) => acts.MinBy(Rank);

    private static int Rank(ConversationalAct act) => act switch
    {
        ConversationalAct.Complaint => 0,
        ConversationalAct.WhoAreYou => 1,
        ConversationalAct.WhatCanYouDo => 2,
        ConversationalAct.VagueRequest => 3,
        ConversationalAct.Goodbye => 4,
        ConversationalAct.Thanks => 5,
        ConversationalAct.Greeting => 6,
        _ => 7,
    };
}
