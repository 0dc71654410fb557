namespace GuidanceBot.Language;

/// <summary>Reads a yes/no answer ("có ạ", "ko nha", "dạ chưa") from a citizen's reply.</summary>
public static class ConfirmRecognizer
{
    // All phrases are in canonical form (folded, abbreviations expanded): "ko" arrives as "khong".
    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal)
    {
        "co", "u", "um", "vang", "da", "dung", "dung roi", "roi", "ok", "okay", "yes", "y", "yeah", "yep",
        "sure", "duoc", "dong y", "chuan", "phai", "chinh xac", "co roi", "da co", "dung vay", "phai roi",
        "co chu", "duoc roi", "chuan roi", "ok roi",
    };

    private static readonly HashSet<string> No = new(StringComparer.Ordinal)
    {
        "khong", "hong", "chua", "chua co", "no", "n", "nope", "not yet", "thoi", "khong phai", "sai",
        "khong co", "khong duoc", "khong dong y", "khong can", "chua duoc", "sai roi", "khong dung",
        "thoi khong", "khong a",
    };

    // Politeness particles and forms of address that do not change the answer.
    private static readonly HashSet<string> TrailingParticles = new(StringComparer.Ordinal)
    {
        "a", "nha", "nhe", "nhen", "ne", "ha", "nhi", "day", "do", "luon", "dau", "ban", "em", "anh", "chi",
        "ad", "admin", "bot", "oi", "roi", "chu", "vay",
    };

    // "dạ" and "vâng" open a polite answer ("dạ không") as well as being a yes by themselves.
    private static readonly HashSet<string> LeadingParticles = new(StringComparer.Ordinal)
    {
        "da", "vang", "u", "uhm",
    };

    /// <summary>True for yes, false for no, null when the reply is not a clear yes or no.</summary>
    public static bool? Recognize(string text)
    {
        var tokens = VietnameseText.Tokens(text).ToList();
        if (tokens.Count >= 2 && tokens[^2] == "cam" && tokens[^1] == "on")
        {
            tokens.RemoveRange(tokens.Count - 2, 2);
        }
        while (tokens.Count > 1 && TrailingParticles.Contains(tokens[^1]))
        {
            var phrase = string.Join(' ', tokens);
            if (Yes.Contains(phrase) || No.Contains(phrase))
            {
                break;
            }
            tokens.RemoveAt(tokens.Count - 1);
        }
        while (tokens.Count > 1 && LeadingParticles.Contains(tokens[0]))
        {
            tokens.RemoveAt(0);
        }

        var answer = string.Join(' ', tokens);
        if (Yes.Contains(answer))
        {
            return true;
        }
        if (No.Contains(answer))
        {
            return false;
        }
        return null;
    }
}
