namespace GuidanceBot.Engine;

/// <summary>
/// A question about the citizen's commune waiting for an answer: asked for the office of <paramref name="Flow"/> (null when
/// asked for no flow), with the communes offered as buttons when the name they gave fits several.
/// </summary>
public sealed record CommuneQuestion(string? Flow, IReadOnlyList<CommuneChoice> Choices);

/// <summary>One commune offered as a button: its id and the label shown (from the place file, never the citizen's text).</summary>
public sealed record CommuneChoice(string Id, string Label);
