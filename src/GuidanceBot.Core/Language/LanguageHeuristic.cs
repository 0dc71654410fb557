using System.Text;
using System.Text.RegularExpressions;

namespace GuidanceBot.Language;

/// <summary>
/// Tells English from Vietnamese on this server, conservatively: "en" only for a sentence that reads as English
/// throughout; "vi" for diacritics, any Vietnamese word or a sentence of Vietnamese syllables; "unknown" otherwise.
/// </summary>
/// <remarks>
/// Vietnamese typed without diacritics is still made of Vietnamese syllables (onset + vowels + a final from a short
/// list), which most English words are not ("register", "birth", "need"). A Vietnamese word or chat abbreviation
/// anywhere ("khai sinh", "ko", "dc") settles it as Vietnamese: a citizen who mixes the two is answered in Vietnamese.
/// </remarks>
public static partial class LanguageHeuristic
{
    /// <summary>Reported for a text that reads as English throughout.</summary>
    public const double EnglishConfidence = 0.95;

    /// <summary>Texts with fewer words than this (button taps, "ok", "hello") are never judged.</summary>
    public const int MinimumWords = 3;

    // Longer onsets first; the vowels carry the glides (oa, uy, ươ…) and the semivowel finals (ai, ao, ay, iu…).
    [GeneratedRegex("^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$")]
    private static partial Regex VietnameseSyllable();

    [GeneratedRegex(@"[a-z]+(?:'[a-z]+)?")]
    private static partial Regex Word();

    // Folded Vietnamese words and chat abbreviations that are not also English words ("can", "the", "to" are both).
    private static readonly HashSet<string> VietnameseWords = new(StringComparer.Ordinal)
    {
        "toi", "minh", "muon", "lam", "giay", "khai", "sinh", "ky", "ki", "cua", "cho", "nguoi", "nuoc", "ngoai", "nha",
        "dau", "nao", "bao", "nhieu", "tien", "duoc", "khong", "chua", "roi", "voi", "tai", "tren", "duoi", "thi", "va",
        "nhu", "gi", "sao", "vay", "nhe", "oi", "xin", "hoi", "giup", "cach", "tuc", "chieu", "cuoc", "cong", "tru",
        "thuong", "ket", "hon", "phap", "ly", "lich", "xe", "doi", "moi", "het", "viec", "nghiep", "hiem", "tro", "dien",
        "thoai", "khoan", "kich", "hoat", "dinh", "danh", "muc", "quen", "khau", "luu", "khach", "trong", "ngay", "thang",
        "tuoi", "vo", "chong", "anh", "nhan", "nop", "phi", "co", "la", "o", "di", "ve", "tu", "khi", "nay", "lai", "bi",
        "loi", "phai", "sau", "truoc", "nhung", "neu", "mua", "xong", "xem", "gio", "lau", "duong", "huong", "xa",
        "phuong", "huyen", "tinh", "thanh", "quan", "chu", "nhap", "chuyen", "dang",
        // chat abbreviations
        "ko", "k", "kh", "dc", "dk", "dki", "bn", "sdt", "mk", "tk", "j", "ntn", "ak", "hok",
    };

    // Common English words (function words, and the words of the procedures people ask about).
    private static readonly HashSet<string> EnglishWords = new(StringComparer.Ordinal)
    {
        "i", "my", "me", "you", "your", "we", "our", "he", "she", "his", "her", "they", "their", "it", "its",
        "the", "a", "an", "this", "that", "these", "those", "to", "of", "for", "in", "on", "at", "by", "from", "with",
        "about", "into", "after", "before", "and", "or", "but", "not", "no", "yes", "if", "so", "as", "than",
        "how", "what", "where", "when", "why", "which", "who", "whom", "whose",
        "do", "does", "did", "done", "can", "could", "should", "would", "will", "shall", "may", "might", "must",
        "is", "are", "was", "were", "be", "been", "am", "have", "has", "had", "get", "got", "go", "going", "want",
        "need", "needs", "like", "know", "make", "take", "takes", "give", "find", "tell", "show", "use", "pay", "send",
        "please", "help", "hello", "hi", "thanks", "thank", "sorry", "long", "much", "many", "some", "any", "all",
        "there", "here", "now", "new", "old", "again", "still", "already", "just", "only", "also", "up", "out",
        "register", "registration", "registered", "renew", "renewal", "apply", "application", "change", "replace",
        "lost", "lose", "expired", "expire", "expires", "issue", "issued", "certificate", "card", "birth", "born",
        "baby", "child", "children", "son", "daughter", "wife", "husband", "mother", "father", "parent", "parents",
        "marriage", "married", "marry", "death", "died", "dead", "residence", "resident", "permanent", "temporary",
        "address", "house", "home", "stay", "staying", "guest", "guests", "license", "licence", "driving", "driver",
        "criminal", "record", "records", "unemployment", "benefit", "benefits", "insurance", "job", "work",
        "account", "activate", "activation", "level", "login", "log", "sign", "password", "forgot", "forget", "phone",
        "number", "document", "documents", "paper", "papers", "fee", "fees", "cost", "costs", "money", "days",
        "day", "week", "weeks", "month", "months", "year", "years", "office", "police", "online", "website", "form",
        "identity", "citizen", "foreign", "foreigner", "abroad", "country", "time", "way", "problem", "error",
    };

    // Names, acronyms and loanwords Vietnamese and English messages share: they count for neither.
    private static readonly HashSet<string> SharedWords = new(StringComparer.Ordinal)
    {
        "vneid", "cccd", "cmnd", "cmt", "id", "otp", "qr", "nfc", "sim", "app", "ok", "okay", "iphone", "android",
        "zalo", "bhyt", "bhxh", "bhtn", "gplx", "lltp", "llttp", "dvc", "passport", "email", "gmail", "web", "link",
        "code", "pin", "wifi", "internet", "homestay", "hotline", "covid", "facebook", "online", "website", "visa",
    };

    /// <summary>The language of a citizen's message, or <see cref="DetectedLanguage.Unknown"/> when unsure.</summary>
    public static DetectedLanguage Detect(string? text)
    {
        var (words, diacritics) = Read(text);
        if (words is null || words.Count < MinimumWords)
        {
            return DetectedLanguage.Unknown;
        }
        if (diacritics)
        {
            return new DetectedLanguage("vi", 0.99);
        }

        var vietnamese = words.Count(VietnameseWords.Contains);
        if (vietnamese > 0)
        {
            return new DetectedLanguage("vi", Math.Min(0.95, 0.6 + 0.1 * vietnamese));
        }
        // An apostrophe ("don't", "baby's") is English and no Vietnamese syllable.
        var english = words.Count(w => EnglishWords.Contains(w) || w.Contains('\''));
        var notSyllables = words.Count(w => !VietnameseSyllable().IsMatch(w));
        var englishLooking = words.Count(w => EnglishWords.Contains(w) || !VietnameseSyllable().IsMatch(w));
        if (english >= 2 && notSyllables >= 1 && englishLooking * 4 >= words.Count * 3)
        {
            return new DetectedLanguage("en", EnglishConfidence);
        }
        if (notSyllables == 0 && english == 0)
        {
            return new DetectedLanguage("vi", 0.7);
        }
        return DetectedLanguage.Unknown;
    }

    /// <summary>Whether the text is long enough, in Latin letters, to be judged at all (by this heuristic or a service).</summary>
    public static bool HasEnoughWords(string? text) => Read(text).Words is { Count: >= MinimumWords };

    /// <summary>The folded, lower-case words that count (shared acronyms left out), and whether any letter had a diacritic; no words for another script.</summary>
    private static (List<string>? Words, bool Diacritics) Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, false);
        }
        var composed = text.Normalize(NormalizationForm.FormC);
        var folded = new StringBuilder(composed.Length);
        var diacritics = false;
        foreach (var c in composed)
        {
            var f = VietnameseText.FoldChar(c);
            if (char.IsLetter(c) && c > '\u007F')
            {
                if (f is not (>= 'a' and <= 'z'))
                {
                    return (null, false);
                }
                diacritics = true;
            }
            // One apostrophe for both spellings, so "don’t" reads as "don't".
            folded.Append(f == '\u2019' ? '\'' : f);
        }
        var words = Word().Matches(folded.ToString()).Select(m => m.Value).Where(w => !SharedWords.Contains(w)).ToList();
        return (words, diacritics);
    }
}
