using System.Text;

namespace GuidanceBot.Engine;

/// <summary>
/// How much of a citizen's message the bot reads and keeps: a message over <see cref="MaxCharacters"/> gets a polite
/// reply instead of a turn, events keep at most <see cref="MaxExcerptCharacters"/> of redacted text, and text that is not
/// valid Unicode (lone surrogates, noncharacters, control characters) is made valid before anything reads it.
/// </summary>
public static class MessageLimits
{
    /// <summary>The longest message the bot reads; a question to a guidance bot fits in a few lines.</summary>
    public const int MaxCharacters = 2000;

    /// <summary>The most text an analytics event keeps of what a citizen typed (after redaction).</summary>
    public const int MaxExcerptCharacters = 300;

    /// <summary>True when <paramref name="text"/> is longer than the bot reads.</summary>
    public static bool IsTooLong(string? text) => text is { Length: > MaxCharacters };

    /// <summary>
    /// At most <paramref name="max"/> characters of <paramref name="text"/>, followed by "…" when cut. The cut never splits
    /// an emoji and drops a number it would cut in two, so half a phone number is not kept where redaction cannot see it.
    /// </summary>
    public static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        if (char.IsAsciiDigit(text[end]))
        {
            while (end > 0 && (char.IsAsciiDigit(text[end - 1]) || text[end - 1] is ' ' or '.' or '-' or '(' or ')' or '+'))
            {
                end--;
            }
        }
        return text[..end] + "…";
    }

    /// <summary>
    /// The text with every lone surrogate, noncharacter (U+FFFE, U+FDD0…) and control character other than tab and line
    /// breaks replaced by U+FFFD: such text cannot be normalised, stored as valid UTF-8 or shown, and a citizen never
    /// means it.
    /// </summary>
    public static string Clean(string text)
    {
        var at = FirstInvalid(text);
        if (at < 0)
        {
            return text;
        }
        var output = new StringBuilder(text.Length);
        output.Append(text, 0, at);
        for (var i = at; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var scalar = char.ConvertToUtf32(c, text[i + 1]);
                output.Append(IsNoncharacter(scalar) ? "\uFFFD" : text.AsSpan(i, 2));
                i++;
            }
            else
            {
                output.Append(IsInvalid(c) ? '\uFFFD' : c);
            }
        }
        return output.ToString();
    }

    /// <summary>True when <see cref="Clean"/> would change <paramref name="text"/>.</summary>
    public static bool NeedsCleaning(string? text) => text is not null && FirstInvalid(text) >= 0;

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsNoncharacter(char.ConvertToUtf32(c, text[i + 1])))
                {
                    return i;
                }
                i++;
            }
            else if (IsInvalid(c))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool IsInvalid(char c) =>
        char.IsSurrogate(c) || IsNoncharacter(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r'));

    // U+FDD0..U+FDEF and the last two code points of every plane.
    private static bool IsNoncharacter(int scalar) => scalar is >= 0xFDD0 and <= 0xFDEF || (scalar & 0xFFFE) == 0xFFFE;
}
