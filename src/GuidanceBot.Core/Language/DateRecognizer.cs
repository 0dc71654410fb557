using System.Globalization;
using System.Text.RegularExpressions;
using GuidanceBot.Texts;

namespace GuidanceBot.Language;

/// <summary>Reads a day-first date ("05/03/2024", "ngày 5 tháng 3 năm 2024", "hôm qua") and refuses impossible ones with a reason.</summary>
public static partial class DateRecognizer
{
    // Day first, the same separator twice: 5/3/2024, 05-03-24, 5.3.2024.
    [GeneratedRegex(@"(?<!\d)(\d{1,2})\s*([/\-.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")]
    private static partial Regex Iso();

    // On folded text: "ngay 5 thang 3 nam 2024", "5 thang 3 2024", "ngày 5/3 năm 2024" is left to the numeric form.
    [GeneratedRegex(@"(?<!\d)(\d{1,2})\s*,?\s*thang\s*(\d{1,2})(?:\s*,?\s*(?:nam\s*)?(\d{4}|\d{2})(?!\d))?")]
    private static partial Regex Words();

    // Day and month with no year: "5/3".
    [GeneratedRegex(@"(?<!\d)(\d{1,2})\s*[/\-]\s*(\d{1,2})(?![\d/\-])")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(hom nay|bua nay|hom qua|bua qua|hom kia|bua kia|ngay mai)\b")]
    private static partial Regex Relative();

    private static readonly LocalizedReason NotFound = BotTexts.Reason("CouldNotFindDateReply");

    private static readonly LocalizedReason MissingYear = BotTexts.Reason("IncludeYearTooExample05");

    /// <summary>The date in <paramref name="text"/>; <paramref name="today"/> resolves "hôm nay" and two-digit years.</summary>
    public static DateResult Recognize(string text, DateOnly today)
    {
        var folded = VietnameseText.Fold(text ?? "");

        var numeric = Numeric().Match(folded);
        if (numeric.Success)
        {
            return Build(Int(numeric.Groups[1]), Int(numeric.Groups[3]), numeric.Groups[4].Value, today);
        }
        var iso = Iso().Match(folded);
        if (iso.Success)
        {
            return Build(Int(iso.Groups[3]), Int(iso.Groups[2]), iso.Groups[1].Value, today);
        }
        var words = Words().Match(folded);
        if (words.Success)
        {
            return words.Groups[3].Success
                ? Build(Int(words.Groups[1]), Int(words.Groups[2]), words.Groups[3].Value, today)
                : new DateResult(null, MissingYear);
        }
        var relative = Relative().Match(folded);
        if (relative.Success)
        {
            var offset = relative.Value switch
            {
                "hom nay" or "bua nay" => 0,
                "hom qua" or "bua qua" => -1,
                "hom kia" or "bua kia" => -2,
                _ => 1,
            };
            return new DateResult(today.AddDays(offset), null);
        }
        if (DayMonth().IsMatch(folded))
        {
            return new DateResult(null, MissingYear);
        }
        return new DateResult(null, NotFound);
    }

    private static int Int(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    private static DateResult Build(int day, int month, string yearText, DateOnly today)
    {
        if (month is < 1 or > 12)
        {
            return new DateResult(null, BotTexts.Reason("ThereNoMonthMonthsRun", month));
        }
        var year = yearText.Length == 2 ? ExpandTwoDigitYear(int.Parse(yearText, CultureInfo.InvariantCulture), month, day, today) : int.Parse(yearText, CultureInfo.InvariantCulture);
        if (year < 1900 || year > today.Year + 100)
        {
            return new DateResult(null, BotTexts.Reason("YearDoesNotLookRight", year));
        }
        var daysInMonth = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > daysInMonth)
        {
            return new DateResult(null, month == 2 && day == 29
                ? BotTexts.Reason("NotLeapYearCheckDay", year)
                : BotTexts.Reason("MonthHasFewerDaysCheckDay", month, year, daysInMonth, day));
        }
        return new DateResult(new DateOnly(year, month, day), null);
    }

    // A two-digit year is this century unless that would put the date after today ("15/08/85" is 1985).
    private static int ExpandTwoDigitYear(int yy, int month, int day, DateOnly today)
    {
        var year = 2000 + yy;
        var notAfterToday = year < today.Year
            || (year == today.Year && (month < today.Month || (month == today.Month && day <= today.Day)));
        return notAfterToday ? year : 1900 + yy;
    }
}
