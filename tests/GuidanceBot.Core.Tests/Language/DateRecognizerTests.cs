using GuidanceBot.Language;

namespace GuidanceBot.Tests.Language;

public class DateRecognizerTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    [Theory]
    [InlineData("05/03/2024", 2024, 3, 5)]
    [InlineData("5/3/2024", 2024, 3, 5)]
    [InlineData("31/12/1999", 1999, 12, 31)]
    [InlineData("5-3-2024", 2024, 3, 5)]
    [InlineData("5.3.2024", 2024, 3, 5)]
    [InlineData("05 / 03 / 2024", 2024, 3, 5)]
    [InlineData("29/02/2024", 2024, 2, 29)]
    [InlineData("sinh ngày 12/10/1985 ạ", 1985, 10, 12)]
    [InlineData("2024-03-05", 2024, 3, 5)]
    public void Day_first_numeric_dates_are_read(string text, int year, int month, int day)
    {
        var result = DateRecognizer.Recognize(text, Today);
        Assert.True(result.Ok);
        Assert.Null(result.Error);
        Assert.Equal(new DateOnly(year, month, day), result.Value);
    }

    [Theory]
    [InlineData("5/3/24", 2024)]
    [InlineData("15/6/25", 2025)]
    [InlineData("16/6/25", 1925)]
    [InlineData("1/1/85", 1985)]
    [InlineData("1/1/00", 2000)]
    public void Two_digit_year_is_this_century_unless_that_is_after_today(string text, int expectedYear)
    {
        Assert.Equal(expectedYear, DateRecognizer.Recognize(text, Today).Value?.Year);
    }

    [Theory]
    [InlineData("ngày 5 tháng 3 năm 2024")]
    [InlineData("Ngày 05 tháng 03 năm 2024")]
    [InlineData("ngay 5 thang 3 nam 2024")]
    [InlineData("5 tháng 3 2024")]
    [InlineData("5 thang 3, 2024")]
    [InlineData("mùng 5 tháng 3 năm 2024")]
    public void Long_form_dates_are_read_with_or_without_diacritics(string text)
    {
        Assert.Equal(new DateOnly(2024, 3, 5), DateRecognizer.Recognize(text, Today).Value);
    }

    [Theory]
    [InlineData("hôm nay", 0)]
    [InlineData("Hôm nay ạ", 0)]
    [InlineData("hom nay", 0)]
    [InlineData("hôm qua", -1)]
    [InlineData("hom qua", -1)]
    [InlineData("hôm kia", -2)]
    [InlineData("hom kia", -2)]
    [InlineData("ngày mai", 1)]
    public void Relative_days_count_from_today(string text, int offset)
    {
        Assert.Equal(Today.AddDays(offset), DateRecognizer.Recognize(text, Today).Value);
    }

    [Theory]
    [InlineData("31/02/2024", "ngày 31", "day 31")]
    [InlineData("29/02/2023", "năm nhuận", "leap year")]
    [InlineData("31/04/2024", "chỉ có 30 ngày", "has 30 days")]
    [InlineData("15/13/2024", "Tháng 13", "month 13")]
    [InlineData("ngày 32 tháng 1 năm 2024", "ngày 32", "day 32")]
    [InlineData("0/1/2024", "ngày 0", "day 0")]
    public void Impossible_dates_are_refused_naming_the_wrong_part(string text, string vi, string en)
    {
        var result = DateRecognizer.Recognize(text, Today);
        Assert.False(result.Ok);
        Assert.NotNull(result.Error);
        Assert.Contains(vi, result.Error.Value.Vi);
        Assert.Contains(en, result.Error.Value.En);
    }

    [Theory]
    [InlineData("")]
    [InlineData("không nhớ")]
    [InlineData("tuần trước")]
    public void No_date_gives_an_error(string text)
    {
        var result = DateRecognizer.Recognize(text, Today);
        Assert.False(result.Ok);
        Assert.StartsWith("Mình chưa nhận ra ngày", result.Error!.Value.Vi);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Value.En));
    }

    [Theory]
    [InlineData("5/3")]
    [InlineData("ngày 5 tháng 3")]
    public void Date_without_year_asks_for_the_year(string text)
    {
        var result = DateRecognizer.Recognize(text, Today);
        Assert.False(result.Ok);
        Assert.Contains("năm", result.Error!.Value.Vi);
    }
}
