using System.Globalization;
using System.Text;

namespace GuidanceBot.Language;

/// <summary>
/// Moves the tone mark of one Vietnamese syllable to a single canonical vowel, so that the
/// old ("hòa", "thủy", "khỏe") and new ("hoà", "thuỷ", "khoẻ") placements compare equal.
/// </summary>
/// <remarks>
/// The canonical form is the old (traditional) placement: it is what official names use
/// ("Thanh Hóa", "Khánh Hòa") and what most citizens type. The two styles differ only for
/// open syllables ending in oa, oe, uy; all other syllables come out the same either way.
/// </remarks>
internal static class TonePlacement
{
    // The five tone marks as combining characters; circumflex, breve and horn are vowel
    // letters' own marks and stay where they are.
    private const string ToneMarks = "\u0300\u0301\u0309\u0303\u0323";

    private const string PlainVowels = "aeiouy";
    private const string MarkedVowels = "ăâêôơư";

    private static bool IsVowel(char c) => PlainVowels.Contains(c) || MarkedVowels.Contains(c);

    /// <summary>Re-places the tone of a lower-case NFC word; returns it unchanged when it is not a single Vietnamese syllable with one tone.</summary>
    public static string Canonicalize(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        char? tone = null;
        var toneless = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (ToneMarks.Contains(c))
            {
                if (tone is not null)
                {
                    return word;
                }
                tone = c;
                continue;
            }
            toneless.Append(c);
        }
        if (tone is null)
        {
            return word;
        }

        var baseWord = toneless.ToString().Normalize(NormalizationForm.FormC);
        var index = ToneIndex(baseWord);
        if (index < 0)
        {
            return word;
        }
        return (baseWord[..(index + 1)] + tone + baseWord[(index + 1)..]).Normalize(NormalizationForm.FormC);
    }

    private static int ToneIndex(string syllable)
    {
        foreach (var c in syllable)
        {
            // Anything beyond Vietnamese letters (digits, foreign accents left over) means
            // this is not a syllable we understand; leave it alone.
            if (!(c is >= 'a' and <= 'z') && !MarkedVowels.Contains(c) && c != 'đ')
            {
                return -1;
            }
        }

        var start = 0;
        while (start < syllable.Length && !IsVowel(syllable[start]))
        {
            start++;
        }
        if (start == syllable.Length)
        {
            return -1;
        }
        // In "qu" the u belongs to the onset; in "gi" the i does when another vowel follows.
        if (start > 0 && syllable[start - 1] == 'q' && syllable[start] == 'u' && start + 1 < syllable.Length && IsVowel(syllable[start + 1]))
        {
            start++;
        }
        else if (start > 0 && syllable[start - 1] == 'g' && syllable[start] == 'i' && start + 1 < syllable.Length && IsVowel(syllable[start + 1]))
        {
            start++;
        }

        var end = start;
        while (end < syllable.Length && IsVowel(syllable[end]))
        {
            end++;
        }
        for (var i = end; i < syllable.Length; i++)
        {
            if (IsVowel(syllable[i]))
            {
                return -1;
            }
        }

        // A vowel with its own mark carries the tone; in "ươ" it is the ơ.
        for (var i = end - 1; i >= start; i--)
        {
            if (MarkedVowels.Contains(syllable[i]))
            {
                return i;
            }
        }

        var length = end - start;
        var closed = end < syllable.Length;
        return length switch
        {
            1 => start,
            2 => closed ? start + 1 : start,
            _ => start + 1,
        };
    }
}
