namespace GuidanceBot.Language;

/// <summary>A phrase found in a message: its label and the words it covers.</summary>
internal readonly record struct PhraseHit<TLabel>(TLabel Label, int Start, int Length);

/// <summary>
/// Known phrases, each with a label, found in a message's canonical words (folded, abbreviations expanded): left to
/// right, the longest phrase at each word, never two over the same word. Phrases are written as citizens type them,
/// with or without diacritics; both read the same once canonical.
/// </summary>
internal sealed class PhraseLexicon<TLabel>
{
    // First word → the phrases that start with it, longest first.
    private readonly Dictionary<string, (string[] Words, TLabel Label)[]> _byFirstWord;

    public PhraseLexicon(IEnumerable<(TLabel Label, string Phrase)> phrases)
    {
        _byFirstWord = phrases
            .Select(p => (Words: VietnameseText.TokensOf(VietnameseText.Canonical(p.Phrase)), p.Label))
            .Where(p => p.Words.Length > 0)
            .GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>True when the words are exactly one phrase of the lexicon.</summary>
    public bool IsPhrase(string[] words) =>
        words.Length > 0 && _byFirstWord.TryGetValue(words[0], out var candidates) && candidates.Any(c => c.Words.AsSpan().SequenceEqual(words));

    /// <summary>Finds the phrases among the words not yet <paramref name="covered"/>, and marks the words they cover.</summary>
    public List<PhraseHit<TLabel>> Find(string[] words, bool[] covered)
    {
        var hits = new List<PhraseHit<TLabel>>();
        for (var i = 0; i < words.Length; i++)
        {
            if (covered[i] || !_byFirstWord.TryGetValue(words[i], out var candidates))
            {
                continue;
            }
            foreach (var (phrase, label) in candidates)
            {
                if (Matches(words, covered, i, phrase))
                {
                    hits.Add(new PhraseHit<TLabel>(label, i, phrase.Length));
                    Array.Fill(covered, true, i, phrase.Length);
                    i += phrase.Length - 1;
                    break;
                }
            }
        }
        return hits;
    }

    private static bool Matches(string[] words, bool[] covered, int start, string[] phrase)
    {
        if (start + phrase.Length > words.Length)
        {
            return false;
        }
        for (var j = 0; j < phrase.Length; j++)
        {
            if (covered[start + j] || !string.Equals(words[start + j], phrase[j], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }
}
