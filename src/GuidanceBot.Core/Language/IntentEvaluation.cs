using GuidanceBot.Content;

namespace GuidanceBot.Language;

/// <summary>How one recogniser did on a labelled set: top-1 accuracy overall, on text without diacritics, on out-of-scope text, per flow.</summary>
public sealed class IntentEvaluation
{
    /// <summary>One utterance the recogniser got wrong.</summary>
    public sealed record Miss(string Text, string Expected, string Predicted, double Score);

    /// <summary>Right and total for one slice of the set.</summary>
    public readonly record struct Tally(int Correct, int Total)
    {
        public double Accuracy => Total == 0 ? 1 : (double)Correct / Total;

        public override string ToString() => $"{Accuracy * 100,5:0.0} % ({Correct}/{Total})";
    }

    public required Tally Overall { get; init; }
    public required Tally Unaccented { get; init; }
    public required Tally None { get; init; }
    public required IReadOnlyDictionary<string, Tally> PerLabel { get; init; }
    public required IReadOnlyList<Miss> Misses { get; init; }

    /// <summary>
    /// What the recogniser alone makes of <paramref name="text"/>: the top flow when it scores at least <paramref name="strongMatch"/>,
    /// else <c>none</c> (an out-of-scope topic on top is <c>none</c> too: no flow starts).
    /// </summary>
    public static (string Label, double Score) Decide(IIntentRecognizer recognizer, string text, double strongMatch)
    {
        var matches = recognizer.Recognize(text, 1);
        if (matches.Count == 0)
        {
            return (LabelledUtterance.None, 0);
        }
        var flow = matches[0].Score >= strongMatch && !OutOfScopeTopic.IsIntent(matches[0].FlowId);
        return (flow ? matches[0].FlowId : LabelledUtterance.None, matches[0].Score);
    }

    /// <summary>Classifies every utterance once and tallies the answers.</summary>
    public static IntentEvaluation Run(IIntentRecognizer recognizer, IEnumerable<LabelledUtterance> set, double strongMatch)
    {
        var overall = (0, 0);
        var unaccented = (0, 0);
        var none = (0, 0);
        var perLabel = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var misses = new List<Miss>();
        foreach (var item in set)
        {
            var (label, score) = Decide(recognizer, item.Text, strongMatch);
            var ok = label == item.Expected ? 1 : 0;
            overall = (overall.Item1 + ok, overall.Item2 + 1);
            if (item.IsUnaccented)
            {
                unaccented = (unaccented.Item1 + ok, unaccented.Item2 + 1);
            }
            if (item.Expected == LabelledUtterance.None)
            {
                none = (none.Item1 + ok, none.Item2 + 1);
            }
            var tally = perLabel.GetValueOrDefault(item.Expected);
            perLabel[item.Expected] = new Tally(tally.Correct + ok, tally.Total + 1);
            if (ok == 0)
            {
                misses.Add(new Miss(item.Text, item.Expected, label, score));
            }
        }
        return new IntentEvaluation
        {
            Overall = new Tally(overall.Item1, overall.Item2),
            Unaccented = new Tally(unaccented.Item1, unaccented.Item2),
            None = new Tally(none.Item1, none.Item2),
            PerLabel = perLabel,
            Misses = misses,
        };
    }

    /// <summary>
    /// K-fold cross-validation on training examples: each fold is classified by a model trained on the other folds.
    /// Every example is in scope, so this measures telling flows apart on text nobody tuned for, not <c>none</c>.
    /// </summary>
    public static IntentEvaluation CrossValidate(
        Func<IReadOnlyList<(string FlowId, string Text)>, IIntentRecognizer> train,
        IReadOnlyList<(string FlowId, string Text)> examples,
        int folds,
        double strongMatch)
    {
        // Deterministic interleaving keeps every flow in every fold.
        var misses = new List<Miss>();
        var overall = (0, 0);
        var unaccented = (0, 0);
        var perLabel = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        for (var fold = 0; fold < folds; fold++)
        {
            var recognizer = train(examples.Where((_, i) => i % folds != fold).ToList());
            var test = examples.Where((_, i) => i % folds == fold).Select(e => new LabelledUtterance(e.Text, e.FlowId));
            var result = Run(recognizer, test, strongMatch);
            overall = (overall.Item1 + result.Overall.Correct, overall.Item2 + result.Overall.Total);
            unaccented = (unaccented.Item1 + result.Unaccented.Correct, unaccented.Item2 + result.Unaccented.Total);
            foreach (var (label, tally) in result.PerLabel)
            {
                var sum = perLabel.GetValueOrDefault(label);
                perLabel[label] = new Tally(sum.Correct + tally.Correct, sum.Total + tally.Total);
            }
            misses.AddRange(result.Misses);
        }
        return new IntentEvaluation
        {
            Overall = new Tally(overall.Item1, overall.Item2),
            Unaccented = new Tally(unaccented.Item1, unaccented.Item2),
            None = new Tally(0, 0),
            PerLabel = perLabel,
            Misses = misses,
        };
    }
}
