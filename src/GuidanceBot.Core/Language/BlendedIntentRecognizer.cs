using GuidanceBot.Content;

namespace GuidanceBot.Language;

/// <summary>
/// Averages the calibrated scores of the ML.NET classifier and the character n-gram similarity per flow. The classifier
/// separates neighbouring flows well (mức 1 / mức 2) but is sure of itself on text unlike any flow; the similarity
/// knows when a message is far from every example. Both are calibrated so 0.5 is their own threshold, so the average is too.
/// </summary>
public sealed class BlendedIntentRecognizer(MlNetIntentRecognizer classifier, CharNGramIntentRecognizer similarity) : IIntentRecognizer
{
    /// <summary>Weight of the classifier; the similarity gets the rest. Chosen on the evaluation set (0.3–0.5 were within one utterance).</summary>
    public const double ClassifierWeight = 0.4;

    /// <summary>Trains both on the catalog's utterances and titles.</summary>
    public static BlendedIntentRecognizer Train(FlowCatalog catalog)
    {
        var examples = IntentTraining.Examples(catalog);
        return new BlendedIntentRecognizer(MlNetIntentRecognizer.Train(examples), CharNGramIntentRecognizer.Train(examples));
    }

    public IReadOnlyList<IntentMatch> Recognize(string text, int top = 3)
    {
        var near = similarity.Recognize(text, int.MaxValue);
        if (near.Count == 0)
        {
            return [];
        }
        var blended = classifier.Recognize(text, int.MaxValue).ToDictionary(m => m.FlowId, m => ClassifierWeight * m.Score, StringComparer.Ordinal);
        foreach (var match in near)
        {
            blended[match.FlowId] = blended.GetValueOrDefault(match.FlowId) + (1 - ClassifierWeight) * match.Score;
        }
        return blended.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(top)
            .Select(kv => new IntentMatch(kv.Key, Math.Round(kv.Value, 4))).ToList();
    }
}
