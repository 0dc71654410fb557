namespace GuidanceBot.Language;

/// <summary>A phrase found in a message: its label and the words it covers.</summary>
internal readonly record struct PhraseHit<TLabel>(TLabel Label, int Start, int Length);

/// <summary>
/// Known phrases, each with a label, found in a message's canonical words (folded, abbreviations expanded): left to
/// right, the longest phrase at each word, never two over the same word. Typed without diacritics, a word matches a
/// phrase word that folds the same ("vang" is "vâng"); typed with them, it must carry the same marks ("vắng" and
/// "vàng" are not "vâng", "đã" is not "dạ"), wherever the tone sits ("chaò" is "chào").
/// </summary>
internal sealed class PhraseLexicon<TLabel>
{
    /// <param name="Marks">Per word, its diacritics in order (<see cref="MarksOf"/>) when it is written with any, else null.</param>
    private sealed record Phrase(string[] Words, string?[] Marks, TLabel Label);

    // First word → the phrases that start with it, longest first.
    private readonly Dictionary<string, Phrase[]> _byFirstWord;

    public PhraseLexicon(IEnumerable<(TLabel Label, string Phrase)> phrases)
    {
        _byFirstWord = phrases
            .Select(p => Read(p.Phrase, p.Label))
            .Where(p => p.Words.Length > 0)
            .GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>True when the words are exactly one phrase of the lexicon.</summary>
    public bool IsPhrase(string[] words) =>
        words.Length > 0 && _byFirstWord.TryGetValue(words[0], out var candidates) && candidates.Any(c => c.Words.AsSpan().SequenceEqual(words));

    /// <summary>
    /// Finds the phrases among the words not yet <paramref name="covered"/>, and marks the words they cover.
    /// <paramref name="typed"/> holds the same words as typed (normalised, diacritics kept), one for one.
    /// </summary>
    public List<PhraseHit<TLabel>> Find(string[] words, IReadOnlyList<string> typed, bool[] covered)
    {
        var hits = new List<PhraseHit<TLabel>>();
        // A typed word's marks, worked out the first time a phrase needs them: many phrases start with "chào" or "bạn".
        var typedMarks = new string?[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            if (covered[i] || !_byFirstWord.TryGetValue(words[i], out var candidates))
            {
                continue;
            }
            foreach (var phrase in candidates)
            {
                if (Matches(words, typed, typedMarks, covered, i, phrase))
                {
                    hits.Add(new PhraseHit<TLabel>(phrase.Label, i, phrase.Words.Length));
                    Array.Fill(covered, true, i, phrase.Words.Length);
                    i += phrase.Words.Length - 1;
                    break;
                }
            }
        }
        return hits;
    }

    private static bool Matches(string[] words, IReadOnlyList<string> typed, string?[] typedMarks, bool[] covered, int start, Phrase phrase)
    {
        if (start + phrase.Words.Length > words.Length)
        {
            return false;
        }
        for (var j = 0; j < phrase.Words.Length; j++)
        {
            var at = start + j;
            if (covered[at] || !string.Equals(words[at], phrase.Words[j], StringComparison.Ordinal))
            {
                return false;
            }
            // A word typed with diacritics says which word it is; the phrase's must carry the same ones.
            if (phrase.Marks[j] is { } marks && typed[at] != words[at]
                && !string.Equals(typedMarks[at] ??= MarksOf(typed[at]), marks, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The phrase's canonical words, and each word as written where it has diacritics (else null).</summary>
    private static Phrase Read(string text, TLabel label)
    {
        var expanded = VietnameseText.ExpandAbbreviations(VietnameseText.Normalize(text));
        var words = VietnameseText.TokensOf(VietnameseText.CanonicalOfExpanded(expanded));
        var typed = VietnameseText.WordsOf(expanded);
        var marks = new string?[words.Length];
        if (typed.Count == words.Length)
        {
            for (var j = 0; j < words.Length; j++)
            {
                marks[j] = typed[j] != words[j] ? MarksOf(typed[j]) : null;
            }
        }
        return new Phrase(words, marks, label);
    }

    /// <summary>A word's diacritics in order, whichever letter carries them, and đ: "chào" and "chaò" alike, "vâng" not "vắng".</summary>
    private static string MarksOf(string word)
    {
        var marks = new System.Text.StringBuilder();
        foreach (var c in word.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (c == 'đ' || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                marks.Append(c);
            }
        }
        return marks.ToString();
    }
}
