using GuidanceBot.Content;
using GuidanceBot.Language;

namespace GuidanceBot.Bot;

/// <summary>What the router does with free text when no flow is running.</summary>
public enum RouteKind
{
    /// <summary>A conversational act: answered briefly, nothing started.</summary>
    Act,

    /// <summary>A question about facts that names no procedure: "which procedure?", and the question is answered once it is chosen.</summary>
    Question,

    /// <summary>A strong match: the flow starts, named in the first reply, after answering any fact questions the message asked.</summary>
    Start,

    /// <summary>A medium match: "Có phải bạn muốn …?" with the candidates as buttons.</summary>
    Confirm,

    /// <summary>Something the bot does not guide: the topic's honest answer.</summary>
    OutOfScope,

    /// <summary>Nothing close: an apology and the closest flows.</summary>
    NotUnderstood,
}

/// <summary>The router's decision about a message, and what it decided on.</summary>
/// <param name="Flows">For Confirm, the candidates (best first); for NotUnderstood, the closest flows.</param>
/// <param name="Greeted">The message also greeted or thanked: say so before acting on it.</param>
public sealed record Route(RouteKind Kind, Reading Reading)
{
    public ConversationalAct? Act { get; init; }
    public FlowDefinition? Flow { get; init; }
    public IReadOnlyList<FlowDefinition> Flows { get; init; } = [];
    public OutOfScopeTopic? Topic { get; init; }
    public bool Greeted => Reading.Cues.Acts.Contains(ConversationalAct.Greeting);
}
