using System.Buffers;
using GuidanceBot.Content;

namespace GuidanceBot.Language;

/// <summary>
/// Character n-gram TF-IDF with cosine similarity, nearest example wins: each flow scores as its closest training
/// utterance, over the features of <see cref="IntentFeatures"/>. Examples are indexed feature by feature with their
/// weights already normalised, so a message costs one pass over the postings of its own features.
/// </summary>
public sealed class CharNGramIntentRecognizer : IIntentRecognizer
{
    /// <summary>Cosine at which a message is taken as asking for the flow; calibrated to score 0.5 (<c>BotOptions.StrongMatch</c>).</summary>
    public const double Threshold = 0.40;

    private readonly IntentTrainingSet _set;
    private readonly double[] _idf;
    // Postings in one array per column: those of feature f are [_postingStart[f], _postingStart[f + 1]).
    private readonly int[] _postingStart;
    private readonly int[] _postingExample;
    private readonly double[] _postingWeight;
    // Unseen features still count towards the message's length (as rare as the rarest seen one), so a message
    // mostly about something else scores low even when a word or two matches.
    private readonly double _unseenWeight;

    private CharNGramIntentRecognizer(IntentTrainingSet set, double[] idf, int[] postingStart, int[] postingExample, double[] postingWeight)
    {
        _set = set;
        _idf = idf;
        _postingStart = postingStart;
        _postingExample = postingExample;
        _postingWeight = postingWeight;
        _unseenWeight = Math.Log(1.0 + set.Examples.Length) + 1;
    }

    /// <summary>Trains on the catalog's utterances and titles.</summary>
    public static CharNGramIntentRecognizer Train(FlowCatalog catalog) => Train(IntentTraining.Examples(catalog));

    public static CharNGramIntentRecognizer Train(IReadOnlyList<(string FlowId, string Text)> examples) => Train(IntentTrainingSet.Build(examples));

    internal static CharNGramIntentRecognizer Train(IntentTrainingSet set)
    {
        var examples = set.Examples;
        var documentFrequency = new int[set.Features.Count];
        foreach (var counts in examples)
        {
            foreach (var id in counts.Ids)
            {
                documentFrequency[id]++;
            }
        }
        var idf = new double[documentFrequency.Length];
        for (var id = 0; id < idf.Length; id++)
        {
            idf[id] = Math.Log((1.0 + examples.Length) / (1.0 + documentFrequency[id])) + 1;
        }

        var postingStart = new int[idf.Length + 1];
        for (var id = 0; id < idf.Length; id++)
        {
            postingStart[id + 1] = postingStart[id] + documentFrequency[id];
        }
        var postingExample = new int[postingStart[^1]];
        var postingWeight = new double[postingStart[^1]];
        var filled = postingStart[..^1];
        for (var e = 0; e < examples.Length; e++)
        {
            var weights = Weigh(examples[e], idf, 0);
            for (var i = 0; i < weights.Length; i++)
            {
                var at = filled[examples[e].Ids[i]]++;
                postingExample[at] = e;
                postingWeight[at] = weights[i];
            }
        }
        return new CharNGramIntentRecognizer(set, idf, postingStart, postingExample, postingWeight);
    }

    public IReadOnlyList<IntentMatch> Recognize(string text, int top = 3)
    {
        var (_, counts) = _set.Read(text ?? "");
        Span<double> scores = stackalloc double[_set.Flows.Length];
        return Score(counts, scores) ? IntentRanking.Top(scores, _set.Flows, top) : [];
    }

    /// <summary>
    /// Each flow's calibrated score for a message of <paramref name="counts"/> (<see cref="IntentRanking.Absent"/> for a flow
    /// no example of which shares a feature); false when no feature of the message is known at all.
    /// </summary>
    internal bool Score(IntentFeatures.Counts counts, Span<double> scores)
    {
        if (counts.Length == 0)
        {
            return false;
        }
        var query = Weigh(counts, _idf, counts.Unseen * _unseenWeight * _unseenWeight);
        var exampleFlow = _set.ExampleFlow;
        var similarity = ArrayPool<double>.Shared.Rent(exampleFlow.Length);
        try
        {
            Array.Clear(similarity, 0, exampleFlow.Length);
            for (var i = 0; i < query.Length; i++)
            {
                var id = counts.Ids[i];
                var weight = query[i];
                for (var p = _postingStart[id]; p < _postingStart[id + 1]; p++)
                {
                    similarity[_postingExample[p]] += weight * _postingWeight[p];
                }
            }
            scores.Fill(0);
            for (var e = 0; e < exampleFlow.Length; e++)
            {
                if (similarity[e] > scores[exampleFlow[e]])
                {
                    scores[exampleFlow[e]] = similarity[e];
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(similarity);
        }
        for (var f = 0; f < scores.Length; f++)
        {
            scores[f] = scores[f] > 0 ? Calibrate(scores[f]) : IntentRanking.Absent;
        }
        return true;
    }

    /// <summary>Maps a cosine to [0, 1] so that <see cref="Threshold"/> lands on 0.5, linearly on each side.</summary>
    internal static double Calibrate(double cosine)
    {
        var c = Math.Clamp(cosine, 0, 1);
        return c <= Threshold ? 0.5 * c / Threshold : 0.5 + 0.5 * (c - Threshold) / (1 - Threshold);
    }

    /// <summary>Sublinear TF × IDF per feature, divided by the vector's length (which <paramref name="extraSquaredNorm"/> adds to).</summary>
    private static double[] Weigh(IntentFeatures.Counts counts, double[] idf, double extraSquaredNorm)
    {
        var weights = new double[counts.Length];
        var norm = extraSquaredNorm;
        for (var i = 0; i < weights.Length; i++)
        {
            var w = (1 + Math.Log(counts.Values[i])) * idf[counts.Ids[i]];
            weights[i] = w;
            norm += w * w;
        }
        norm = Math.Sqrt(norm);
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= norm;
        }
        return weights;
    }
}
