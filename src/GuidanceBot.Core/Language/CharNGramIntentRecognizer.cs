using GuidanceBot.Content;

namespace GuidanceBot.Language;

/// <summary>
/// Character n-gram TF-IDF with cosine similarity, nearest example wins: each flow scores as its closest training
/// utterance. Character n-grams (3–5 letters across word boundaries) absorb typos, missing letters and word splits
/// ("dangky"); word and word-pair features keep two-word terms ("tam tru") ahead of their parts.
/// </summary>
public sealed class CharNGramIntentRecognizer : IIntentRecognizer
{
    /// <summary>Cosine at which a message is taken as asking for the flow; calibrated to score 0.5 (<c>BotOptions.StrongMatch</c>).</summary>
    public const double Threshold = 0.40;

    private readonly IntentText _text;
    private readonly Dictionary<string, int> _featureIds;
    private readonly double[] _idf;
    private readonly string[] _exampleFlow;
    private readonly List<(int Example, double Weight)>[] _postings;

    private CharNGramIntentRecognizer(IntentText text, Dictionary<string, int> featureIds, double[] idf, string[] exampleFlow, List<(int, double)>[] postings)
    {
        _text = text;
        _featureIds = featureIds;
        _idf = idf;
        _exampleFlow = exampleFlow;
        _postings = postings;
    }

    /// <summary>Trains on the catalog's utterances and titles.</summary>
    public static CharNGramIntentRecognizer Train(FlowCatalog catalog) => Train(IntentTraining.Examples(catalog));

    public static CharNGramIntentRecognizer Train(IReadOnlyList<(string FlowId, string Text)> examples)
    {
        var text = IntentText.Learn(examples.Select(e => e.Text));
        var featureIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var documentFrequency = new List<int>();
        var counted = new List<Dictionary<int, int>>(examples.Count);
        foreach (var (_, utterance) in examples)
        {
            var counts = new Dictionary<int, int>();
            foreach (var feature in Features(text.Words(utterance), text.AccentedWords(utterance)))
            {
                if (!featureIds.TryGetValue(feature, out var id))
                {
                    id = featureIds.Count;
                    featureIds[feature] = id;
                    documentFrequency.Add(0);
                }
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
            foreach (var id in counts.Keys)
            {
                documentFrequency[id]++;
            }
            counted.Add(counts);
        }

        var idf = documentFrequency.Select(df => Math.Log((1.0 + examples.Count) / (1.0 + df)) + 1).ToArray();
        var postings = new List<(int, double)>[featureIds.Count];
        for (var i = 0; i < postings.Length; i++)
        {
            postings[i] = [];
        }
        for (var e = 0; e < counted.Count; e++)
        {
            foreach (var (id, weight) in Weigh(counted[e], idf))
            {
                postings[id].Add((e, weight));
            }
        }
        return new CharNGramIntentRecognizer(text, featureIds, idf, examples.Select(e => e.FlowId).ToArray(), postings);
    }

    public IReadOnlyList<IntentMatch> Recognize(string text, int top = 3)
    {
        var counts = new Dictionary<int, int>();
        // Unseen features still count towards the message's length (as rare as the rarest seen one), so a message
        // mostly about something else scores low even when a word or two matches.
        var unseenWeight = Math.Log(1.0 + _exampleFlow.Length) + 1;
        var unseenMass = 0.0;
        foreach (var feature in Features(_text.Words(text ?? ""), _text.AccentedWords(text ?? "")))
        {
            if (_featureIds.TryGetValue(feature, out var id))
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
            else
            {
                unseenMass += unseenWeight * unseenWeight;
            }
        }
        if (counts.Count == 0)
        {
            return [];
        }
        var query = Weigh(counts, _idf, unseenMass);
        var similarity = new Dictionary<int, double>();
        foreach (var (id, weight) in query)
        {
            foreach (var (example, exampleWeight) in _postings[id])
            {
                similarity[example] = similarity.GetValueOrDefault(example) + weight * exampleWeight;
            }
        }
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (example, cosine) in similarity)
        {
            var flow = _exampleFlow[example];
            if (cosine > best.GetValueOrDefault(flow))
            {
                best[flow] = cosine;
            }
        }
        return best.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(top)
            .Select(kv => new IntentMatch(kv.Key, Math.Round(Calibrate(kv.Value), 4))).ToList();
    }

    /// <summary>Maps a cosine to [0, 1] so that <see cref="Threshold"/> lands on 0.5, linearly on each side.</summary>
    internal static double Calibrate(double cosine)
    {
        var c = Math.Clamp(cosine, 0, 1);
        return c <= Threshold ? 0.5 * c / Threshold : 0.5 + 0.5 * (c - Threshold) / (1 - Threshold);
    }

    private static List<(int Id, double Weight)> Weigh(Dictionary<int, int> counts, double[] idf, double extraSquaredNorm = 0)
    {
        var weights = new List<(int, double)>(counts.Count);
        var norm = extraSquaredNorm;
        foreach (var (id, count) in counts)
        {
            var w = (1 + Math.Log(count)) * idf[id];
            weights.Add((id, w));
            norm += w * w;
        }
        norm = Math.Sqrt(norm);
        return weights.Select(x => (x.Item1, x.Item2 / norm)).ToList();
    }

    /// <summary>Words as typed with diacritics, folded words, folded word pairs and the character 3- to 5-grams of the folded words joined by spaces.</summary>
    private static IEnumerable<string> Features(IReadOnlyList<string> words, IReadOnlyList<string> accented)
    {
        foreach (var word in accented)
        {
            yield return "d:" + word;
        }
        for (var i = 0; i < words.Count; i++)
        {
            yield return "w:" + words[i];
            if (i + 1 < words.Count)
            {
                yield return "p:" + words[i] + "_" + words[i + 1];
            }
        }
        var joined = " " + string.Join(' ', words) + " ";
        for (var n = 3; n <= 5; n++)
        {
            for (var i = 0; i + n <= joined.Length; i++)
            {
                yield return joined.Substring(i, n);
            }
        }
    }
}
