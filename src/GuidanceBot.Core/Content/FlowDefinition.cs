namespace GuidanceBot.Content;

/// <summary>One procedure or account guide, loaded from one file in dialogs/.</summary>
/// <param name="Facts">Answers to questions a citizen may ask at any step (fee, time, …); <see cref="FlowFacts.None"/> when the file gives none.</param>
/// <param name="Steps">The steps in file order.</param>
/// <param name="ContentVersion">First 12 hex characters of the SHA-256 of the file; stamped on analytics events.</param>
public sealed record FlowDefinition(
    string Id,
    string Topic,
    LocalizedText Title,
    LocalizedText? Summary,
    FlowSource Source,
    FlowFacts Facts,
    IReadOnlyList<string> Needs,
    IReadOnlyList<string> UtterancesVi,
    IReadOnlyList<string> UtterancesEn,
    string Start,
    IReadOnlyList<StepDefinition> Steps,
    string ContentVersion,
    string FilePath)
{
    // Flows have tens of steps: a scan is cheaper than keeping an index in sync with `with` copies.

    /// <summary>The step with this id; throws when the flow has none.</summary>
    public StepDefinition Step(string id) =>
        FindStep(id) ?? throw new KeyNotFoundException($"Flow '{Id}' has no step '{id}'.");

    /// <summary>The step with this id, or null.</summary>
    public StepDefinition? FindStep(string id)
    {
        foreach (var step in Steps)
        {
            if (string.Equals(step.Id, id, StringComparison.Ordinal))
                return step;
        }
        return null;
    }

    /// <summary>
    /// Step ids from <see cref="Start"/>, following the first choice or <c>next</c> until an end:
    /// the order in which funnels list a flow's steps.
    /// </summary>
    public IReadOnlyList<string> MainPath
    {
        get
        {
            var path = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var step = FindStep(Start);
            while (step is not null && seen.Add(step.Id))
            {
                path.Add(step.Id);
                var next = step.NextSteps;
                step = next.Count == 0 ? null : FindStep(next[0]);
            }
            return path;
        }
    }
}
