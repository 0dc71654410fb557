namespace GuidanceBot.Content;

/// <summary>
/// Runs another flow, then branches on how it ended: <see cref="Next"/> when it ended <c>completed</c>, otherwise the
/// step <see cref="On"/> names for its outcome, or <see cref="EndWithSameOutcome"/>: this flow ends with that outcome too.
/// </summary>
/// <param name="On">Outcome other than completed → a step of this flow, or <see cref="EndWithSameOutcome"/>.</param>
public sealed record CallStep(string Id, string FlowId, string Next, IReadOnlyDictionary<string, string> On, LocalizedText? Help) : StepDefinition(Id, Help)
{
    /// <summary>The <c>on:</c> value meaning "this flow ends with the called flow's outcome".</summary>
    public const string EndWithSameOutcome = "end";

    public override IReadOnlyList<string> NextSteps =>
        [Next, .. On.Values.Where(v => v != EndWithSameOutcome).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Where to go after the called flow ended with <paramref name="outcome"/>: a step id, or null when this flow ends
    /// with the same outcome (also for an outcome the content does not name, e.g. from a run begun before an edit).
    /// </summary>
    public string? After(string outcome) =>
        outcome == Outcomes.Completed ? Next
        : On.TryGetValue(outcome, out var target) && target != EndWithSameOutcome ? target
        : null;
}
