namespace GuidanceBot.Engine;

/// <summary>
/// A question about the citizen's commune: asked for the office of <paramref name="Flow"/> (null when asked for no flow),
/// with the communes offered as buttons when the name they gave fits several. Only the next message can answer it: asked
/// in the turn numbered <paramref name="Turn"/> (<see cref="ConversationState.TurnCount"/>), it is open in the one after.
/// </summary>
public sealed record CommuneQuestion(string? Flow, IReadOnlyList<CommuneChoice> Choices, long Turn)
{
    public bool IsOpen(ConversationState state) => state.TurnCount == Turn + 1;
}

/// <summary>One commune offered as a button: its id and the label shown (from the place file, never the citizen's text).</summary>
public sealed record CommuneChoice(string Id, string Label);
