namespace GuidanceBot.Language;

/// <summary>
/// Training examples prepared once for the trained recognisers: the vocabulary that corrects typos, the feature
/// vocabulary, each example's feature counts and flow. Recognisers trained on the same set share its flow indices,
/// so their scores can be blended flow by flow.
/// </summary>
internal sealed class IntentTrainingSet
{
    private IntentTrainingSet(IntentText text, IntentFeatures features, string[] flows, int[] exampleFlow, IntentFeatures.Counts[] examples)
    {
        Text = text;
        Features = features;
        Flows = flows;
        ExampleFlow = exampleFlow;
        Examples = examples;
    }

    public IntentText Text { get; }
    public IntentFeatures Features { get; }

    /// <summary>Flow ids in order of first appearance; a flow's index in here is its index everywhere else.</summary>
    public string[] Flows { get; }

    /// <summary>The flow index of each example.</summary>
    public int[] ExampleFlow { get; }

    /// <summary>The feature counts of each example.</summary>
    public IntentFeatures.Counts[] Examples { get; }

    /// <summary>
    /// Prepares the examples and, for each written with diacritics, its copy typed without them: four in ten citizens type
    /// "không dấu", and a folded message must read like its accented form, not like an accented example missing its
    /// accented-word features (which lowers its similarity and leaves the classifier on patterns it never saw).
    /// </summary>
    public static IntentTrainingSet Build(IReadOnlyList<(string FlowId, string Text)> examples)
    {
        examples = WithFoldedCopies(examples);
        var text = IntentText.Learn(examples.Select(e => e.Text));
        var (features, counts) = IntentFeatures.Learn(examples.Select(e => text.Prepare(e.Text)).ToList());
        var flows = examples.Select(e => e.FlowId).Distinct(StringComparer.Ordinal).ToArray();
        var index = flows.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        return new IntentTrainingSet(text, features, flows, examples.Select(e => index[e.FlowId]).ToArray(), counts);
    }

    private static List<(string FlowId, string Text)> WithFoldedCopies(IReadOnlyList<(string FlowId, string Text)> examples)
    {
        var all = new List<(string FlowId, string Text)>(examples.Count * 2);
        all.AddRange(examples);
        foreach (var (flow, text) in examples)
        {
            var normalized = VietnameseText.Normalize(text);
            var folded = VietnameseText.StripDiacritics(normalized);
            if (folded != normalized)
            {
                all.Add((flow, folded));
            }
        }
        return all;
    }

    /// <summary>Prepares and counts a message the way the examples were.</summary>
    public (PreparedText Text, IntentFeatures.Counts Counts) Read(string message)
    {
        var prepared = Text.Prepare(message);
        return (prepared, Features.CountIn(prepared));
    }
}
