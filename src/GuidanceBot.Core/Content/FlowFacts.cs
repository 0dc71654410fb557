namespace GuidanceBot.Content;

/// <summary>
/// A flow's answers to the questions a citizen may ask at any step (see <see cref="FactNames"/>); every fact is
/// optional, and a province may override any of them.
/// </summary>
/// <param name="Facts">Fact name → the answer.</param>
/// <param name="Provinces">Province setting (kebab-case, e.g. "thanh-hoa") → that province's own answers.</param>
public sealed record FlowFacts(IReadOnlyDictionary<string, LocalizedText> Facts, IReadOnlyDictionary<string, IReadOnlyDictionary<string, LocalizedText>> Provinces)
{
    public static FlowFacts None { get; } = new(new Dictionary<string, LocalizedText>(), new Dictionary<string, IReadOnlyDictionary<string, LocalizedText>>());

    /// <summary>The province's own answer when it has one, the flow's answer otherwise, or null when the file gives none.</summary>
    public LocalizedText? For(string fact, string? province)
    {
        if (province is not null && Provinces.TryGetValue(province.Trim().ToLowerInvariant(), out var own) && own.TryGetValue(fact, out var answer))
            return answer;
        return Facts.GetValueOrDefault(fact);
    }
}
