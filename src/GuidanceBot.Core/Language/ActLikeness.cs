namespace GuidanceBot.Language;

/// <summary>
/// Which conversational act a message reads most like when it holds none of the act phrases exactly: "ad là người thật
/// hả" is close to "bạn là người thật", "who am i talking to" to "am i talking to a bot". Cosine between the message's
/// canonical words and word pairs and each phrase of <see cref="CuePhrases.Acts"/>, weighted by how rare a word is
/// among the phrases; a word no phrase has weighs as the rarest, so a message that says more than an act scores low.
/// Phrases are made of the small words the intent recognisers drop as fillers, which is why this is its own measure.
/// </summary>
public static class ActLikeness
{
    /// <summary>Most words a message may have to be read as an act by likeness: a longer one is saying something else.</summary>
    public const int MaxWords = 10;

    /// <summary>Cosine from which a message with no act phrase is answered as the act it reads like.</summary>
    /// <remarks>
    /// Chosen on the dialogs' own 1,115 utterances and titles, which are needs: from 0.5, six read like an act (the portal's
    /// name, "làm giấy tờ nhà đất": vague requests, or a complaint); from 0.45 nine, "không nhận được otp" among them as an
    /// acknowledgement. The dev halves of the evaluation sets do not move between 0.35 and 0.5.
    /// </remarks>
    public const double Threshold = 0.5;

    private sealed record Example(ConversationalAct Act, string[] Features, double Norm);

    private static readonly (ConversationalAct Act, string[] Features)[] Phrases = CuePhrases.Acts
        .SelectMany(a => a.Value.Select(p => (a.Key, Features(Words(p)))))
        .ToArray();

    private static readonly Dictionary<string, double> Idf = BuildIdf();

    // A word no phrase has weighs as if it were in none of them: rarer than any phrase word.
    private static readonly double UnseenWeight = Math.Log(1.0 + Phrases.Length) + 1;

    private static readonly Example[] Examples = Phrases
        .Where(p => p.Features.Length > 0)
        .Select(p => new Example(p.Act, p.Features, Norm(p.Features)))
        .ToArray();

    // Feature → the examples that have it, so a message costs the postings of its own features.
    private static readonly Dictionary<string, int[]> Postings = Examples
        .SelectMany((e, i) => e.Features.Select(f => (f, i)))
        .GroupBy(p => p.f, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(p => p.i).ToArray(), StringComparer.Ordinal);

    /// <summary>The act the message is closest to and that cosine (0–1); null when it shares no word with any phrase or is too long.</summary>
    public static (ConversationalAct Act, double Score)? Nearest(string text)
    {
        var words = Words(text ?? "");
        if (words.Length == 0 || words.Length > MaxWords)
        {
            return null;
        }
        var features = Features(words);
        var norm = Norm(features);
        Span<double> dot = stackalloc double[Examples.Length];
        dot.Clear();
        foreach (var feature in features)
        {
            if (Postings.TryGetValue(feature, out var examples))
            {
                var w = Weight(feature);
                foreach (var e in examples)
                {
                    dot[e] += w * w;
                }
            }
        }
        var best = -1;
        var bestScore = 0.0;
        for (var e = 0; e < Examples.Length; e++)
        {
            if (dot[e] > 0 && dot[e] / (norm * Examples[e].Norm) is var cosine && cosine > bestScore)
            {
                best = e;
                bestScore = cosine;
            }
        }
        return best < 0 ? null : (Examples[best].Act, bestScore);
    }

    private static string[] Words(string text) =>
        VietnameseText.TokensOf(VietnameseText.CanonicalOfExpanded(VietnameseText.ExpandAbbreviations(VietnameseText.Normalize(text))));

    /// <summary>Distinct words and adjacent word pairs.</summary>
    private static string[] Features(string[] words) =>
        words.Concat(words.Zip(words.Skip(1), (a, b) => a + " " + b)).Distinct(StringComparer.Ordinal).ToArray();

    private static double Weight(string feature) => Idf.TryGetValue(feature, out var idf) ? idf : UnseenWeight;

    private static double Norm(string[] features) => Math.Sqrt(features.Sum(f => Weight(f) * Weight(f)));

    private static Dictionary<string, double> BuildIdf()
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, features) in Phrases)
        {
            foreach (var f in features)
            {
                frequency[f] = frequency.GetValueOrDefault(f) + 1;
            }
        }
        return frequency.ToDictionary(kv => kv.Key, kv => Math.Log((1.0 + Phrases.Length) / (1.0 + kv.Value)) + 1, StringComparer.Ordinal);
    }
}
