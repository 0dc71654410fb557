namespace GuidanceBot.Content;

/// <summary>One item of a document checklist, kept only for some answers when <see cref="When"/> is not empty.</summary>
/// <param name="When">Ask step id → the 1-based choices for which the item applies.</param>
public sealed record DocumentItem(LocalizedText Text, IReadOnlyDictionary<string, IReadOnlyList<int>> When)
{
    /// <summary>True when every condition holds; a condition on a step the citizen was not asked does not hold.</summary>
    public bool Applies(IReadOnlyDictionary<string, int> answers)
    {
        foreach (var (stepId, choices) in When)
        {
            if (!answers.TryGetValue(stepId, out var answer) || !choices.Contains(answer))
                return false;
        }
        return true;
    }
}
