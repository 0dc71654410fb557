using GuidanceBot.Texts;

namespace GuidanceBot.Language;

/// <summary>Reads and checks a 12-digit CCCD personal ID number; recognises the old 9-digit CMND and explains it.</summary>
/// <remarks>Error texts never repeat the number: they are shown in chat and may reach transcripts.</remarks>
public static class CccdRecognizer
{
    private static readonly LocalizedReason NotFound = BotTexts.Reason("CouldNotFindPersonalID");

    private static readonly LocalizedReason OldCmnd = BotTexts.Reason("NumberTypedHas9Digits");

    private static readonly LocalizedReason UnknownProvince = BotTexts.Reason("FirstThreeDigitsCCCDNumber");

    private static readonly LocalizedReason FutureBirthYear = BotTexts.Reason("Digits46CCCDNumber");

    private static readonly LocalizedReason BirthYearMismatch = BotTexts.Reason("YearBirthEncodedCCCDNumber");

    private static LocalizedReason WrongLength(int count) => BotTexts.Reason("PersonalIDCCCDNumberHas", count);

    /// <summary>
    /// Reads the ID number in <paramref name="text"/>. <paramref name="knownBirthYear"/>, when given, must match
    /// the year the number encodes; <paramref name="currentYear"/> defaults to the year now in Vietnam.
    /// </summary>
    public static IdNumberResult Recognize(string text, int? knownBirthYear = null, int? currentYear = null)
    {
        var runs = DigitRun.Find(text ?? "");
        if (runs.Count == 0)
        {
            return Failure(NotFound);
        }
        var cccd = runs.FirstOrDefault(r => r.Digits.Length == 12);
        if (cccd.Digits is not null)
        {
            return Check(cccd.Digits, knownBirthYear, currentYear ?? VietnamNow().Year);
        }
        var cmnd = runs.FirstOrDefault(r => r.Digits.Length == 9);
        if (cmnd.Digits is not null)
        {
            return new IdNumberResult(IdKind.OldCmnd, cmnd.Digits, null, null, null, null, OldCmnd);
        }
        var longest = runs.MaxBy(r => r.Digits.Length);
        return Failure(longest.Digits.Length < 4 ? NotFound : WrongLength(longest.Digits.Length));
    }

    private static IdNumberResult Failure(LocalizedReason reason) => new(IdKind.None, null, null, null, null, null, reason);

    private static IdNumberResult Check(string digits, int? knownBirthYear, int currentYear)
    {
        var province = (digits[0] - '0') * 100 + (digits[1] - '0') * 10 + (digits[2] - '0');
        if (!ProvinceCodes.Names.TryGetValue(province, out var provinceName))
        {
            return new IdNumberResult(IdKind.Cccd, digits, province, null, null, null, UnknownProvince);
        }

        // Digit 4: even for men, odd for women; 0/1 the 1900s, 2/3 the 2000s, and so on.
        var centuryAndSex = digits[3] - '0';
        var birthYear = 1900 + centuryAndSex / 2 * 100 + (digits[4] - '0') * 10 + (digits[5] - '0');
        var sex = centuryAndSex % 2 == 0 ? "male" : "female";

        LocalizedReason? error = null;
        if (birthYear > currentYear)
        {
            error = FutureBirthYear;
        }
        else if (knownBirthYear is not null && knownBirthYear != birthYear)
        {
            error = BirthYearMismatch;
        }
        return new IdNumberResult(IdKind.Cccd, digits, province, provinceName, birthYear, sex, error);
    }

    private static DateTimeOffset VietnamNow() => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7));
}
