using GuidanceBot.Content;

namespace GuidanceBot.Language;

/// <summary>The intent recognisers the bot can use, by name, each trained from a catalog; <see cref="Default"/> is the one registered.</summary>
public static class IntentRecognizers
{
    /// <summary>The recogniser that did best on the evaluation set (see README, "Language understanding").</summary>
    public const string Default = "blend";

    /// <summary>Name → how to train it on a catalog, in the order the evaluation prints them.</summary>
    public static IReadOnlyList<(string Name, Func<FlowCatalog, IIntentRecognizer> Train)> All { get; } =
    [
        ("overlap", catalog => new OverlapIntentRecognizer(() => catalog)),
        ("char-ngram", CharNGramIntentRecognizer.Train),
        ("mlnet", MlNetIntentRecognizer.Train),
        ("blend", BlendedIntentRecognizer.Train),
    ];

    /// <summary>The recognisers that can train on any list of examples, for cross-validation on the content's own utterances.</summary>
    public static IReadOnlyList<(string Name, Func<IReadOnlyList<(string FlowId, string Text)>, IIntentRecognizer> Train)> FromExamples { get; } =
    [
        ("char-ngram", CharNGramIntentRecognizer.Train),
        ("mlnet", MlNetIntentRecognizer.Train),
        ("blend", BlendedIntentRecognizer.Train),
    ];

    /// <summary>Trains the named recogniser on <paramref name="catalog"/>.</summary>
    public static IIntentRecognizer Train(string name, FlowCatalog catalog) =>
        All.FirstOrDefault(r => r.Name == name).Train?.Invoke(catalog)
        ?? throw new ArgumentException($"Unknown intent recogniser '{name}'; known: {string.Join(", ", All.Select(r => r.Name))}.", nameof(name));
}
