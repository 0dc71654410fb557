using System.Globalization;
using System.Text;

namespace GuidanceBot.Language;

/// <summary>Normalisation of citizens' Vietnamese text: Unicode, case, tone placement, diacritics, chat abbreviations.</summary>
public static class VietnameseText
{
    /// <summary>NFC, invariant lower case, trimmed, single spaces, canonical tone placement ("hoà" becomes "hòa").</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var composed = text.Normalize(NormalizationForm.FormC).ToLowerInvariant();

        var result = new StringBuilder(composed.Length);
        var word = new StringBuilder();
        var pendingSpace = false;
        foreach (var raw in composed)
        {
            // Ð (U+00D0, Icelandic eth) is often typed for Đ and lower-cases to ð, not đ.
            var c = raw == 'ð' ? 'đ' : raw;
            if (char.IsWhiteSpace(c))
            {
                FlushWord(result, word);
                pendingSpace = result.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                FlushWord(result, word);
                result.Append(' ');
                pendingSpace = false;
            }
            if (char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                word.Append(c);
            }
            else
            {
                FlushWord(result, word);
                result.Append(c);
            }
        }
        FlushWord(result, word);
        return result.ToString();
    }

    private static void FlushWord(StringBuilder result, StringBuilder word)
    {
        if (word.Length == 0)
        {
            return;
        }
        result.Append(TonePlacement.Canonicalize(word.ToString()));
        word.Clear();
    }

    /// <summary>Normalize, then drop every diacritic and write đ as d ("Nước ngoài" becomes "nuoc ngoai").</summary>
    public static string Fold(string text) => StripDiacritics(Normalize(text));

    /// <summary>
    /// True when a citizen who typed <paramref name="typed"/> with diacritics may have meant <paramref name="written"/>
    /// (both normalised, same letters once folded): the same tone with another vowel mark ("cuóc" for "cước") or the same
    /// vowel marks with another tone ("vằng" for "vắng"). Both wrong at once is another word: "vàng" (gold) is not "vắng".
    /// </summary>
    public static bool CouldMean(string typed, string written)
    {
        var (typedLetters, typedTone) = LettersAndTone(typed);
        var (writtenLetters, writtenTone) = LettersAndTone(written);
        return typedLetters == writtenLetters || typedTone == writtenTone;
    }

    // The five tone marks, as combining characters after decomposition; the other marks (ă â ê ô ơ ư) make letters.
    private const string ToneMarks = "\u0300\u0301\u0303\u0309\u0323";

    private static (string Letters, char Tone) LettersAndTone(string word)
    {
        var letters = new StringBuilder(word.Length + 2);
        var tone = '\0';
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (ToneMarks.Contains(c, StringComparison.Ordinal))
            {
                tone = c;
            }
            else
            {
                letters.Append(c);
            }
        }
        return (letters.ToString(), tone);
    }

    /// <summary>Removes diacritics from already normalised text, one character for one, so positions stay aligned.</summary>
    internal static string StripDiacritics(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(FoldChar(c));
        }
        return result.ToString();
    }

    /// <summary>The base letter of one precomposed character, lower-cased, with đ as d.</summary>
    internal static char FoldChar(char c)
    {
        if (c is 'đ' or 'Đ' or 'ð' or 'Ð')
        {
            return 'd';
        }
        // Half of an emoji cannot be normalised on its own, and is no letter to fold anyway.
        if (c < '\u00C0' || char.IsSurrogate(c))
        {
            return char.ToLowerInvariant(c);
        }
        return c <= FoldedLast ? Folded.Value[c - '\u00C0'] : FoldByDecomposing(c);
    }

    // Every Vietnamese letter lies below U+1F00 (Latin Extended Additional ends at U+1EFF): fold those from a table
    // rather than decomposing a one-character string per letter.
    private const char FoldedLast = '\u1EFF';

    private static readonly Lazy<char[]> Folded = new(() =>
    {
        var table = new char[FoldedLast - '\u00C0' + 1];
        for (var c = '\u00C0'; c <= FoldedLast; c++)
        {
            table[c - '\u00C0'] = char.IsSurrogate(c) ? c : FoldByDecomposing(c);
        }
        return table;
    });

    private static char FoldByDecomposing(char c)
    {
        if (c is 'đ' or 'Đ' or 'ð' or 'Ð')
        {
            return 'd';
        }
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return char.ToLowerInvariant(decomposed[0]);
    }

    /// <summary>Expands chat abbreviations word by word and squeezes letters typed three or more times ("khônggg" becomes "không").</summary>
    public static string ExpandAbbreviations(string normalizedText)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        var pieces = SplitWords(normalizedText);
        var result = new StringBuilder(normalizedText.Length + 16);
        string? previousWord = null;
        for (var i = 0; i < pieces.Count; i++)
        {
            var (piece, isWord) = pieces[i];
            if (!isWord)
            {
                result.Append(piece);
                continue;
            }
            var word = Abbreviations.DomainAcronyms.Contains(piece) ? piece : SqueezeRepeats(piece);
            result.Append(Expand(word, previousWord, NextWord(pieces, i), IsSentenceFinal(pieces, i)));
            previousWord = word;
        }
        return result.ToString();
    }

    private static string Expand(string word, string? previousWord, string? nextWord, bool sentenceFinal)
    {
        if (previousWord is not null && Abbreviations.AfterWord.TryGetValue((previousWord, word), out var inContext))
        {
            return inContext;
        }
        if (nextWord is not null && Abbreviations.BeforeWord.TryGetValue((word, nextWord), out var beforeNext))
        {
            return beforeNext;
        }
        if (previousWord is not null && previousWord.All(char.IsAsciiDigit) && Abbreviations.AfterNumber.TryGetValue(word, out var unit))
        {
            return unit;
        }
        if (sentenceFinal && Abbreviations.SentenceFinal.TryGetValue(word, out var final))
        {
            return final;
        }
        return Abbreviations.Table.TryGetValue(word, out var full) ? full : word;
    }

    /// <summary>The next word in the same sentence, squeezed like the word itself; null at the end of a sentence.</summary>
    private static string? NextWord(List<(string Piece, bool IsWord)> pieces, int index)
    {
        for (var i = index + 1; i < pieces.Count; i++)
        {
            var (piece, isWord) = pieces[i];
            if (isWord)
            {
                return SqueezeRepeats(piece);
            }
            if (piece.Any(c => c is '.' or '?' or '!' or ',' or ';' or '\n'))
            {
                return null;
            }
        }
        return null;
    }

    private static bool IsSentenceFinal(List<(string Piece, bool IsWord)> pieces, int index)
    {
        for (var i = index + 1; i < pieces.Count; i++)
        {
            var (piece, isWord) = pieces[i];
            if (isWord)
            {
                return false;
            }
            if (piece.Any(c => c is '.' or '?' or '!' or ',' or ';' or '\n'))
            {
                return true;
            }
        }
        return true;
    }

    /// <summary>Splits text into runs of letters and digits (words) and everything else, keeping both.</summary>
    private static List<(string Piece, bool IsWord)> SplitWords(string text)
    {
        var pieces = new List<(string, bool)>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || IsWordChar(text[i]) != IsWordChar(text[start]))
            {
                pieces.Add((text[start..i], IsWordChar(text[start])));
                start = i;
            }
        }
        return pieces;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    private static string SqueezeRepeats(string word)
    {
        var result = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length;)
        {
            // Compared by base letter so "cóooo" squeezes to "có": the tone sits on the first o only.
            var run = 1;
            while (i + run < word.Length && char.IsLetter(word[i]) && FoldChar(word[i + run]) == FoldChar(word[i]))
            {
                run++;
            }
            // Vietnamese spells at most two equal letters in a row ("xoong"); three or more is emphasis.
            result.Append(run >= 3 ? word.AsSpan(i, 1) : word.AsSpan(i, run));
            i += run;
        }
        return result.ToString();
    }

    /// <summary>The form used for matching: normalised, abbreviations expanded, folded, punctuation removed.</summary>
    public static string Canonical(string text)
    {
        // One turn asks for the canonical form of the same reply many times (global commands, labels, choices, intents);
        // remembering the last one per thread answers those from here.
        ArgumentNullException.ThrowIfNull(text);
        if (string.Equals(text, _lastCanonicalText, StringComparison.Ordinal))
        {
            return _lastCanonical!;
        }
        var canonical = CanonicalOfExpanded(ExpandAbbreviations(Normalize(text)));
        _lastCanonicalText = text;
        _lastCanonical = canonical;
        return canonical;
    }

    [ThreadStatic] private static string? _lastCanonicalText;
    [ThreadStatic] private static string? _lastCanonical;

    /// <summary><see cref="Canonical"/> of text already normalised and expanded, for callers that also need that form.</summary>
    internal static string CanonicalOfExpanded(string expanded)
    {
        var folded = Fold(expanded);
        var result = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && result.Length > 0)
                {
                    result.Append(' ');
                }
                pendingSpace = false;
                result.Append(c);
            }
            else
            {
                // Punctuation separates words ("có,không" is two words), it never joins them.
                pendingSpace = true;
            }
        }
        return result.ToString();
    }

    /// <summary>
    /// <see cref="Canonical"/> of text the bot itself owns (option titles, labels from <c>dialogs/</c>), remembered:
    /// the same few hundred titles are compared with every reply, and Unicode normalisation of each one per turn
    /// was a tenth of a turn's CPU. Never call it with a citizen's text: that would grow the cache without bound.
    /// </summary>
    public static string CanonicalOfContent(string text)
    {
        if (CanonicalContent.TryGetValue(text, out var canonical))
        {
            return canonical;
        }
        // Content reloads add new titles; forgetting everything now and then keeps the cache to the live content.
        if (CanonicalContent.Count >= CanonicalContentLimit)
        {
            CanonicalContent.Clear();
        }
        return CanonicalContent[text] = Canonical(text);
    }

    private const int CanonicalContentLimit = 20_000;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> CanonicalContent = new(StringComparer.Ordinal);

    /// <summary>
    /// The words of normalised, expanded text as typed (diacritics kept): runs of letters and digits, split where
    /// <see cref="CanonicalOfExpanded"/> splits, so they align one for one with its words.
    /// </summary>
    internal static List<string> WordsOf(string expanded)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= expanded.Length; i++)
        {
            if (i < expanded.Length && char.IsLetterOrDigit(expanded[i]))
            {
                start = start < 0 ? i : start;
            }
            else if (start >= 0)
            {
                words.Add(expanded[start..i]);
                start = -1;
            }
        }
        return words;
    }

    /// <summary>The words of <see cref="Canonical"/>.</summary>
    public static IReadOnlyList<string> Tokens(string text) => TokensOf(Canonical(text));

    /// <summary>The words of an already canonical text.</summary>
    internal static string[] TokensOf(string canonical) => canonical.Length == 0 ? [] : canonical.Split(' ');

    /// <summary>
    /// The known word one edit away (a letter dropped, added, changed or two swapped) from an unknown canonical word,
    /// the most frequent when several are; the word itself when it is known, short, or nothing is that close.
    /// </summary>
    /// <remarks>Words under four letters are left alone: at that length one edit reaches too many real words.</remarks>
    public static string CorrectTypo(string word, IReadOnlyDictionary<string, int> known)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 4 || word.Length > 30 || known.ContainsKey(word) || !word.All(char.IsAsciiLetterLower))
        {
            return word;
        }
        // Candidates are built in one buffer and looked up as spans where the dictionary allows: no string per candidate.
        var spans = known is Dictionary<string, int> dictionary && dictionary.Comparer == StringComparer.Ordinal
            ? dictionary.GetAlternateLookup<ReadOnlySpan<char>>()
            : (Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>?)null;
        string? best = null;
        var bestCount = 0;
        Span<char> buffer = stackalloc char[word.Length + 1];
        void Consider(ReadOnlySpan<char> candidate)
        {
            if (spans is { } lookup)
            {
                if (lookup.TryGetValue(candidate, out var key, out var count) && count > bestCount)
                {
                    (best, bestCount) = (key, count);
                }
            }
            else if (known.TryGetValue(candidate.ToString(), out var count) && count > bestCount)
            {
                (best, bestCount) = (candidate.ToString(), count);
            }
        }
        for (var i = 0; i <= word.Length; i++)
        {
            if (i < word.Length)
            {
                word.AsSpan(0, i).CopyTo(buffer);
                word.AsSpan(i + 1).CopyTo(buffer[i..]);
                Consider(buffer[..(word.Length - 1)]);
            }
            if (i + 1 < word.Length)
            {
                word.CopyTo(buffer);
                (buffer[i], buffer[i + 1]) = (buffer[i + 1], buffer[i]);
                Consider(buffer[..word.Length]);
            }
            for (var c = 'a'; c <= 'z'; c++)
            {
                word.AsSpan(0, i).CopyTo(buffer);
                buffer[i] = c;
                word.AsSpan(i).CopyTo(buffer[(i + 1)..]);
                Consider(buffer[..(word.Length + 1)]);
                if (i < word.Length && c != word[i])
                {
                    word.CopyTo(buffer);
                    buffer[i] = c;
                    Consider(buffer[..word.Length]);
                }
            }
        }
        return best ?? word;
    }
}
