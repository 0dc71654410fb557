using System.Text.RegularExpressions;

namespace GuidanceBot.Language;

/// <summary>A run of digits in text, allowing the separators people type inside numbers ("0912 345 678", "(+84) 912.345.678").</summary>
internal readonly partial record struct DigitRun(int Start, int Length, string Digits, bool HasPlus)
{
    // Up to two separators between digits: "091 - 234" but not digits in separate sentences.
    [GeneratedRegex(@"(?<![\d\p{L}])\(?\+?\(?\d(?:[ \t.\-()]{0,2}\d)*")]
    private static partial Regex Pattern();

    /// <summary>All digit runs in <paramref name="text"/>, left to right.</summary>
    public static List<DigitRun> Find(string text) =>
        Pattern().Matches(text)
            .Select(m => new DigitRun(m.Index, m.Length, new string(m.Value.Where(char.IsAsciiDigit).ToArray()), m.Value.Contains('+')))
            .ToList();
}
