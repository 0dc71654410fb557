using System.Text.RegularExpressions;
using GuidanceBot.Texts;

namespace GuidanceBot.Language;

/// <summary>Reads a Vietnamese mobile number (+84, 84 or 0 prefix; old 11-digit numbers converted) as "0" and 9 digits.</summary>
/// <remarks>Error texts never repeat the number: they are shown in chat and may reach transcripts.</remarks>
public static partial class PhoneRecognizer
{
    [GeneratedRegex(@"^0(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9\d)\d{7}$")]
    private static partial Regex CurrentMobile();

    /// <summary>Old 11-digit prefixes and the 10-digit prefixes they became in the 2018 conversion.</summary>
    public static IReadOnlyDictionary<string, string> OldPrefixes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["0162"] = "032", ["0163"] = "033", ["0164"] = "034", ["0165"] = "035",
        ["0166"] = "036", ["0167"] = "037", ["0168"] = "038", ["0169"] = "039",
        ["0120"] = "070", ["0121"] = "079", ["0122"] = "077", ["0126"] = "076", ["0128"] = "078",
        ["0123"] = "083", ["0124"] = "084", ["0125"] = "085", ["0127"] = "081", ["0129"] = "082",
        ["0186"] = "056", ["0188"] = "058", ["0199"] = "059",
    };

    private static readonly LocalizedReason NotFound = BotTexts.Reason("CouldNotFindPhoneNumber");

    private static readonly LocalizedReason Landline = BotTexts.Reason("LooksLikeLandlineNumberGive");

    private static readonly LocalizedReason NotMobile = BotTexts.Reason("NumberDoesNotStartWith");

    private static readonly LocalizedReason UnknownOldPrefix = BotTexts.Reason("11DigitNumberHasOld");

    private static LocalizedReason WrongLength(int count) => BotTexts.Reason("MobileNumberHas10Digits", count);

    /// <summary>The mobile number in <paramref name="text"/>, always as "0" followed by 9 digits.</summary>
    public static PhoneResult Recognize(string text)
    {
        var runs = DigitRun.Find(text ?? "").Where(r => r.Digits.Length >= 4).ToList();
        if (runs.Count == 0)
        {
            return new PhoneResult(null, NotFound);
        }
        PhoneResult? firstFailure = null;
        foreach (var run in runs)
        {
            var result = FromDigits(run.Digits, run.HasPlus);
            if (result.Ok)
            {
                return result;
            }
            firstFailure ??= result;
        }
        return firstFailure!.Value;
    }

    /// <summary>Checks one run of digits; <paramref name="hasPlus"/> says it was written with a leading "+".</summary>
    internal static PhoneResult FromDigits(string digits, bool hasPlus)
    {
        var national = ToNational(digits, hasPlus);
        if (national.Length == 11 && national.StartsWith("01", StringComparison.Ordinal))
        {
            if (!OldPrefixes.TryGetValue(national[..4], out var newPrefix))
            {
                return new PhoneResult(null, UnknownOldPrefix);
            }
            national = newPrefix + national[4..];
        }
        if (national.Length != 10 || national[0] != '0')
        {
            return new PhoneResult(null, WrongLength(national.Length));
        }
        if (CurrentMobile().IsMatch(national))
        {
            return new PhoneResult(national, null);
        }
        return new PhoneResult(null, national[1] == '2' ? Landline : NotMobile);
    }

    // +84 / 0084 / 84 stand for the leading 0; some people also keep the 0 ("+84 0912...").
    private static string ToNational(string digits, bool hasPlus)
    {
        string rest;
        if (digits.StartsWith("0084", StringComparison.Ordinal))
        {
            rest = digits[4..];
        }
        else if (digits.StartsWith("84", StringComparison.Ordinal) && (hasPlus || digits.Length is 11 or 12))
        {
            rest = digits[2..];
        }
        else
        {
            return digits;
        }
        return rest.StartsWith('0') ? rest : "0" + rest;
    }
}
