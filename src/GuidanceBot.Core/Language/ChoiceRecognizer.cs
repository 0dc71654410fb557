using System.Text.RegularExpressions;

namespace GuidanceBot.Language;

/// <summary>Matches a reply to one of the offered options by number, full title or a unique part of a title.</summary>
public static partial class ChoiceRecognizer
{
    // "2", "2.", "số 2", "chọn số 2", "phương án 2", "#2", "option 2" (on canonical text).
    [GeneratedRegex(@"^(?:(?:toi|em|minh)\s+)?(?:chon\s+)?(?:so|phuong an|lua chon|option|cau|muc|y)?\s*(\d{1,2})$")]
    private static partial Regex OptionNumber();

    private static readonly string[] LeadingFillers = ["toi chon", "em chon", "minh chon", "chon", "cho toi", "cho em", "cho minh", "la"];

    private static readonly HashSet<string> TrailingParticles = new(StringComparer.Ordinal)
    {
        "a", "nha", "nhe", "nhen", "ne", "ha", "nhi", "di", "ban", "em", "anh", "chi", "ad", "admin", "bot", "oi",
    };

    /// <summary>Finds the option the reply picks among <paramref name="titles"/>; Index is 0-based.</summary>
    public static ChoiceMatch Recognize(string text, IReadOnlyList<string> titles)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var reply = VietnameseText.Canonical(text ?? "");
        if (reply.Length == 0 || titles.Count == 0)
        {
            return ChoiceMatch.None;
        }
        var canonicalTitles = titles.Select(VietnameseText.CanonicalOfContent).ToArray();

        // A title typed in full wins over a number, so options such as "2 năm" stay reachable.
        var exact = Matching(canonicalTitles, t => t == reply);
        if (exact.Count > 0)
        {
            return Single(exact);
        }

        var number = OptionNumber().Match(string.Join(' ', StripFillers(reply.Split(' ').ToList(), leading: false)));
        if (number.Success)
        {
            var n = int.Parse(number.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return n >= 1 && n <= titles.Count ? new ChoiceMatch(n - 1, false) : ChoiceMatch.None;
        }

        var words = StripFillers(reply.Split(' ').ToList());
        if (words.Count == 0 || string.Concat(words).Length < 2)
        {
            return ChoiceMatch.None;
        }
        var stripped = string.Join(' ', words);
        var titleWords = canonicalTitles.Select(t => t.Split(' ')).ToArray();

        exact = Matching(canonicalTitles, t => t == stripped);
        if (exact.Count > 0)
        {
            return Single(exact);
        }
        // A bare yes or no ("dạ", "ừ", "không") names no option by sharing a word with it ("dạ" is not "hồ sơ đã nộp").
        if (ConfirmRecognizer.Recognize(reply) is not null)
        {
            return ChoiceMatch.None;
        }

        // A part of a title: every word of the reply appears in the title.
        var partOf = Enumerable.Range(0, titles.Count).Where(i => words.All(titleWords[i].Contains)).ToList();
        if (partOf.Count > 0)
        {
            return Single(partOf);
        }

        // A longer sentence that contains a whole title ("mình ở nước ngoài ạ").
        var contains = Enumerable.Range(0, titles.Count)
            .Where(i => titleWords[i].Length > 0 && canonicalTitles[i].Length > 0 && ContainsRun(words, titleWords[i]))
            .ToList();
        return contains.Count > 0 ? Single(contains) : ChoiceMatch.None;
    }

    private static List<int> Matching(string[] titles, Func<string, bool> predicate) =>
        Enumerable.Range(0, titles.Length).Where(i => predicate(titles[i])).ToList();

    private static ChoiceMatch Single(List<int> indexes) =>
        indexes.Count == 1 ? new ChoiceMatch(indexes[0], false) : ChoiceMatch.Several;

    private static List<string> StripFillers(List<string> words, bool leading = true)
    {
        foreach (var filler in leading ? LeadingFillers : [])
        {
            var fillerWords = filler.Split(' ');
            if (words.Count > fillerWords.Length && words.Take(fillerWords.Length).SequenceEqual(fillerWords))
            {
                words = words.Skip(fillerWords.Length).ToList();
                break;
            }
        }
        while (words.Count > 1 && TrailingParticles.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }
        return words;
    }

    private static bool ContainsRun(List<string> words, string[] run)
    {
        for (var start = 0; start + run.Length <= words.Count; start++)
        {
            if (words.Skip(start).Take(run.Length).SequenceEqual(run))
            {
                return true;
            }
        }
        return false;
    }
}
