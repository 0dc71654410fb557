namespace GuidanceBot.Content;

/// <summary>The ways a flow can end; recorded on the "flow completed" analytics event.</summary>
public static class Outcomes
{
    public const string Completed = "completed";
    public const string NotEligible = "not-eligible";
    public const string InPerson = "in-person";
    public const string HandedOff = "handed-off";

    public static IReadOnlyList<string> All { get; } = [Completed, NotEligible, InPerson, HandedOff];

    public static bool IsKnown(string? outcome) => outcome is not null && All.Contains(outcome, StringComparer.Ordinal);
}
