using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GuidanceBot.Language;

/// <summary>Removes personal data (ID numbers, phone numbers, e-mail addresses, self-introduced names) from citizen text before it is logged or analysed.</summary>
/// <remarks>When in doubt it redacts: a lost word in analytics costs less than a leaked identifier.</remarks>
public static partial class Redactor
{
    /// <summary>Replaces a CCCD or CMND number.</summary>
    public const string IdNumber = "[SỐ GIẤY TỜ]";

    /// <summary>Replaces a phone number.</summary>
    public const string Phone = "[SĐT]";

    /// <summary>Replaces an e-mail address.</summary>
    public const string Email = "[EMAIL]";

    /// <summary>Replaces a person's name.</summary>
    public const string Name = "[TÊN]";

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+")]
    private static partial Regex EmailAddress();

    // Matched on folded, lower-case text; the longest phrases first so "tên tôi là" wins over "tôi là".
    [GeneratedRegex(@"\b(?:ten toi la|ten minh la|ten em la|ten cua toi la|toi ten la|minh ten la|em ten la|ho va ten|ho ten|ten la|toi la|minh la|em la)\b[ \t]*:?[ \t]*")]
    private static partial Regex NameIntroduction();

    [GeneratedRegex(@"\G[\p{L}\p{M}'’]+(?:-[\p{L}\p{M}]+)*")]
    private static partial Regex NameWord();

    // Two to four capitalised words ("Nguyễn Văn An", "TRAN THI BICH"): a name when the first is a common surname.
    [GeneratedRegex(@"(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]+(?:[ \t]+\p{Lu}[\p{L}\p{M}]+){1,3}(?![\p{L}\p{M}])")]
    private static partial Regex CapitalisedWords();

    // The commonest Vietnamese surnames as written with diacritics...
    private static readonly HashSet<string> Surnames = new(StringComparer.Ordinal)
    {
        "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô", "dương",
        "lý", "đinh", "trịnh", "đoàn", "lương", "trương", "lâm", "cao", "vương", "quách", "lưu", "chu", "tăng", "kiều",
    };

    // ...and typed without them, leaving out those that are everyday words too ("lam", "do", "cao").
    private static readonly HashSet<string> SurnamesFolded = new(StringComparer.Ordinal)
    {
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "ho", "ngo", "duong",
        "ly", "dinh", "trinh", "doan", "luong", "truong", "vuong", "quach", "luu", "kieu",
    };

    // Capitalised word runs that begin with a surname but are places, not people.
    private static readonly string[] PlaceNames = ["ho chi minh"];

    // Words that end a lower-case name ("tên là lan muốn hỏi"): compared with diacritics...
    private static readonly HashSet<string> NotNameWords = new(StringComparer.Ordinal)
    {
        "muốn", "cần", "hỏi", "xin", "ở", "đang", "sinh", "và", "thì", "nhé", "nha", "ạ", "để", "làm", "có", "không",
        "từ", "đến", "người", "công", "chủ", "bố", "mẹ", "vợ", "chồng", "con", "học", "giáo", "nhân", "đây", "đó",
        "của", "cũng", "đã", "sẽ", "bị", "được", "năm", "tuổi", "hiện", "nay", "vừa", "mới", "cho", "với", "sống",
        "quê", "làm", "em", "anh", "chị", "tôi", "mình",
    };

    // ...and, for words typed without diacritics, only those that are not also given names or surnames.
    private static readonly HashSet<string> NotNameFolded = new(StringComparer.Ordinal)
    {
        "muon", "can", "hoi", "xin", "o", "va", "nhe", "nha", "a", "de", "co", "khong", "den", "nguoi", "bo", "me",
        "chong", "hoc", "day", "duoc", "cua", "tuoi", "hien", "nay", "vua", "moi", "cho", "voi", "song", "que",
        "em", "anh", "chi", "toi", "minh",
    };

    /// <summary>The text with personal data replaced by placeholders.</summary>
    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }
        // Normalisation throws on a lone surrogate or a noncharacter; the redacted text shows U+FFFD in their place.
        var result = Engine.MessageLimits.Clean(text).Normalize(NormalizationForm.FormC);
        result = EmailAddress().Replace(result, Email);
        result = RedactNumbers(result);
        return RedactCapitalisedNames(RedactNames(result));
    }

    private static string RedactNumbers(string text)
    {
        var output = new StringBuilder(text.Length);
        var position = 0;
        foreach (var run in DigitRun.Find(text))
        {
            output.Append(text, position, run.Start - position);
            output.Append(RedactRun(text.Substring(run.Start, run.Length)));
            position = run.Start + run.Length;
        }
        output.Append(text, position, text.Length - position);
        return output.ToString();
    }

    /// <summary>The most digits an identifier or phone number has (CCCD 12, +84 and ten digits 12).</summary>
    private const int MaxIdentifierDigits = 12;

    // A run may join several numbers ("1990 0912 345 678"): try the longest span of its space-separated chunks that is
    // an identifier, then carry on after it. A span never holds more digits than an identifier can, so a run of many
    // chunks ("1 1 1 …") costs time in proportion to its length, not to its cube.
    private static string RedactRun(string run)
    {
        var chunks = Regex.Split(run, @"(?<=\d)(?=[ \t]+)|(?<=[ \t])(?=[\d(+])");
        var output = new StringBuilder(run.Length);
        for (var i = 0; i < chunks.Length;)
        {
            var last = LastChunkWithin(chunks, i);
            var matched = false;
            for (var j = last; j >= i; j--)
            {
                var span = string.Concat(chunks[i..(j + 1)]);
                var placeholder = Classify(span);
                if (placeholder is null)
                {
                    continue;
                }
                var leading = span.Length - span.TrimStart().Length;
                output.Append(span, 0, leading).Append(placeholder);
                i = j + 1;
                matched = true;
                break;
            }
            if (!matched)
            {
                output.Append(chunks[i]);
                i++;
            }
        }
        return output.ToString();
    }

    /// <summary>The last chunk from <paramref name="first"/> on that keeps the span within <see cref="MaxIdentifierDigits"/> digits.</summary>
    private static int LastChunkWithin(string[] chunks, int first)
    {
        var digits = 0;
        var last = first;
        for (var j = first; j < chunks.Length; j++)
        {
            var chunkDigits = chunks[j].Count(char.IsAsciiDigit);
            digits += chunkDigits;
            if (digits > MaxIdentifierDigits)
            {
                break;
            }
            // A span ends on digits, so the space after a number stays in the text.
            if (chunkDigits > 0 || j == first)
            {
                last = j;
            }
        }
        return last;
    }

    private static string? Classify(string span)
    {
        var digits = new string(span.Where(char.IsAsciiDigit).ToArray());
        var hasPlus = span.Contains('+');
        if (PhoneRecognizer.FromDigits(digits, hasPlus).Ok || LooksLikePhone(digits, hasPlus))
        {
            return Phone;
        }
        return digits.Length is 9 or 12 ? IdNumber : null;
    }

    // Numbers shaped like a phone number are redacted even with an unknown prefix.
    private static bool LooksLikePhone(string digits, bool hasPlus) =>
        (digits.StartsWith('0') && digits.Length is 10 or 11 && digits[1] != '0')
        || ((hasPlus || digits.StartsWith("84", StringComparison.Ordinal)) && digits.Length is 11 or 12 && digits.StartsWith("84", StringComparison.Ordinal));

    private static string RedactNames(string text)
    {
        // Folding character by character keeps positions aligned with the original text.
        var folded = new string(text.Select(VietnameseText.FoldChar).ToArray());
        var output = new StringBuilder(text.Length);
        var position = 0;
        foreach (Match introduction in NameIntroduction().Matches(folded))
        {
            if (introduction.Index < position)
            {
                continue;
            }
            var nameStart = introduction.Index + introduction.Length;
            var nameEnd = NameEnd(text, nameStart);
            if (nameEnd <= nameStart)
            {
                continue;
            }
            output.Append(text, position, nameStart - position).Append(Name);
            position = nameEnd;
        }
        output.Append(text, position, text.Length - position);
        return output.ToString();
    }

    /// <summary>Names typed without an introduction ("Nguyễn Văn An muốn làm CCCD"), recognised by a surname and capitals.</summary>
    private static string RedactCapitalisedNames(string text) =>
        CapitalisedWords().Replace(text, match => IsCapitalisedName(match.Value) && !IsStreet(text, match.Index) ? Name : match.Value);

    /// <summary>A street named after a person ("12 Lê Lợi", "đường Trần Phú") is an address, not someone's name.</summary>
    private static bool IsStreet(string text, int start)
    {
        var before = text[..start].TrimEnd();
        if (before.Length > 0 && char.IsAsciiDigit(before[^1]))
        {
            return true;
        }
        var folded = VietnameseText.Fold(before.Length > 12 ? before[^12..] : before);
        return folded.EndsWith("duong", StringComparison.Ordinal) || folded.EndsWith("pho", StringComparison.Ordinal);
    }

    private static bool IsCapitalisedName(string words)
    {
        var typed = words.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        // Either every word in title case or the whole name in capitals: "Làm CCCD" is a verb and an acronym.
        var allCapitals = typed.All(word => word.All(c => !char.IsLetter(c) || char.IsUpper(c)));
        if (!allCapitals && !typed.All(word => word.Skip(1).All(c => !char.IsLetter(c) || char.IsLower(c))))
        {
            return false;
        }
        if (typed.Skip(1).Any(word => word.Length < 2))
        {
            return false;
        }
        var surname = typed[0].ToLower(CultureInfo.InvariantCulture);
        var folded = VietnameseText.Fold(string.Join(' ', typed));
        var isSurname = Surnames.Contains(surname) || (surname == VietnameseText.Fold(surname) && SurnamesFolded.Contains(surname));
        return isSurname && !PlaceNames.Any(place => folded.StartsWith(place, StringComparison.Ordinal));
    }

    /// <summary>Where the name starting at <paramref name="start"/> ends: up to four capitalised words, or four words before punctuation.</summary>
    private static int NameEnd(string text, int start)
    {
        var end = start;
        var at = start;
        bool? capitalised = null;
        for (var count = 0; count < 4; count++)
        {
            var word = NameWord().Match(text, at);
            if (!word.Success)
            {
                break;
            }
            var isCapital = char.IsUpper(word.Value[0]);
            capitalised ??= isCapital;
            if (capitalised.Value ? !isCapital : IsNotName(word.Value))
            {
                break;
            }
            end = word.Index + word.Length;
            at = end;
            while (at < text.Length && text[at] is ' ' or '\t')
            {
                at++;
            }
            if (at == end)
            {
                break;
            }
        }
        return end;
    }

    private static bool IsNotName(string word)
    {
        var normalized = word.ToLower(CultureInfo.InvariantCulture);
        if (NotNameWords.Contains(normalized))
        {
            return true;
        }
        var folded = new string(normalized.Select(VietnameseText.FoldChar).ToArray());
        return folded == normalized && NotNameFolded.Contains(folded);
    }
}
