using System.Text.RegularExpressions;

namespace GuidanceBot.Language;

/// <summary>Reads an age from a citizen's words: "bé 3 tháng", "con hai tuổi rưỡi", "dưới 6 tuổi", "trên 14 tuổi", "5 years old".</summary>
public static partial class AgeRecognizer
{
    // On canonical text (folded, abbreviations expanded): up to four words of number before the unit.
    [GeneratedRegex(@"(?:\b(?<bound>duoi|chua du|chua toi|chua den|it hon|under|below|tren|hon|qua|ngoai|over|above)\s+)?(?<number>(?:\S+\s+){0,3}?\S+)\s+(?<unit>tuoi|thang|ngay|tuan|years?|months?|weeks?|days?)\b(?<half>\s+ruoi)?")]
    private static partial Regex Age();

    /// <summary>The first age in <paramref name="text"/>, or null when there is none.</summary>
    public static AgeResult? Recognize(string text)
    {
        var canonical = VietnameseText.Canonical(text ?? "");
        foreach (Match match in Age().Matches(canonical))
        {
            // The number words may have picked up a leading non-number ("be 3"): drop words from the left until it parses.
            var words = match.Groups["number"].Value.Split(' ');
            decimal? number = null;
            for (var skip = 0; skip < words.Length && number is null; skip++)
            {
                var candidate = string.Join(' ', words.Skip(skip));
                if (NumberRecognizer.Recognize(candidate) is { } value && StartsWithNumber(words[skip]))
                {
                    number = value;
                }
            }
            if (number is not { } n || n < 0 || n > 150)
            {
                continue;
            }
            var unit = match.Groups["unit"].Value;
            var months = unit switch
            {
                "tuoi" or "year" or "years" => n * 12,
                "thang" or "month" or "months" => n,
                "tuan" or "week" or "weeks" => n / 4.345m,
                _ => n / 30.44m,
            };
            if (match.Groups["half"].Success)
            {
                months += unit == "tuoi" ? 6 : 0;
            }
            var bound = match.Groups["bound"].Value switch
            {
                "" => AgeBound.Exact,
                "tren" or "hon" or "qua" or "ngoai" or "over" or "above" => AgeBound.Over,
                _ => AgeBound.Under,
            };
            return new AgeResult((int)Math.Floor(months), bound);
        }
        return null;
    }

    private static bool StartsWithNumber(string word) =>
        char.IsAsciiDigit(word[0]) || NumberRecognizer.Recognize(word) is not null;
}
