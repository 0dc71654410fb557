using GuidanceBot.Language;

namespace GuidanceBot.Tests.Language;

public class CccdRecognizerTests
{
    private const int ThisYear = 2025;

    [Theory]
    [InlineData("001090012345", 1, "Hà Nội", 1990, "male")]
    [InlineData("038195001234", 38, "Thanh Hóa", 1995, "female")]
    [InlineData("079203004567", 79, "Hồ Chí Minh", 2003, "male")]
    [InlineData("048305001111", 48, "Đà Nẵng", 2005, "female")]
    [InlineData("031180009999", 31, "Hải Phòng", 1980, "female")]
    [InlineData("096099000001", 96, "Cà Mau", 1999, "male")]
    public void Twelve_digit_number_gives_province_birth_year_and_sex(string number, int province, string provinceName, int year, string sex)
    {
        var result = CccdRecognizer.Recognize(number, currentYear: ThisYear);
        Assert.True(result.Ok);
        Assert.Equal(IdKind.Cccd, result.Kind);
        Assert.Equal(number, result.Digits);
        Assert.Equal(province, result.ProvinceCode);
        Assert.Equal(provinceName, result.ProvinceName);
        Assert.Equal(year, result.BirthYear);
        Assert.Equal(sex, result.Sex);
        Assert.Null(result.Error);
    }

    [Theory]
    [InlineData("001 090 012 345")]
    [InlineData("001.090.012.345")]
    [InlineData("001-090-012345")]
    [InlineData("Số CCCD của tôi là 001090012345 ạ")]
    [InlineData("so cccd: 0010 9001 2345")]
    public void Separators_between_digit_groups_are_allowed(string text)
    {
        var result = CccdRecognizer.Recognize(text, currentYear: ThisYear);
        Assert.True(result.Ok);
        Assert.Equal("001090012345", result.Digits);
    }

    [Fact]
    public void Every_province_code_has_a_name_and_there_are_63()
    {
        Assert.Equal(63, ProvinceCodes.Names.Count);
        Assert.All(ProvinceCodes.Names, p => Assert.InRange(p.Key, 1, 96));
        Assert.All(ProvinceCodes.Names.Values, n => Assert.False(string.IsNullOrWhiteSpace(n)));
    }

    [Theory]
    [InlineData("123456789")]
    [InlineData("123 456 789")]
    [InlineData("cmnd của em là 012345678")]
    public void Nine_digit_number_is_recognised_as_old_cmnd(string text)
    {
        var result = CccdRecognizer.Recognize(text, currentYear: ThisYear);
        Assert.Equal(IdKind.OldCmnd, result.Kind);
        Assert.False(result.Ok);
        var error = Assert.NotNull(result.Error);
        Assert.Contains("9 chữ số", error.Vi);
        Assert.Contains("CMND", error.Vi);
        Assert.Contains("12 chữ số", error.Vi);
        Assert.Contains("VNeID", error.Vi);
        Assert.Contains("VNeID", error.En);
        Assert.Contains("12-digit", error.En);
    }

    [Theory]
    [InlineData("00109001234", 11)]
    [InlineData("0010900123456", 13)]
    [InlineData("001090", 6)]
    public void Wrong_length_is_refused_with_the_digit_count(string text, int count)
    {
        var result = CccdRecognizer.Recognize(text, currentYear: ThisYear);
        Assert.False(result.Ok);
        Assert.Equal(IdKind.None, result.Kind);
        Assert.Contains($"{count} chữ số", result.Error!.Value.Vi);
        Assert.Contains("12", result.Error.Value.En);
    }

    [Theory]
    [InlineData("003090012345")]
    [InlineData("099090012345")]
    [InlineData("000090012345")]
    public void Unknown_province_code_is_refused(string number)
    {
        var result = CccdRecognizer.Recognize(number, currentYear: ThisYear);
        Assert.False(result.Ok);
        Assert.Contains("mã tỉnh", result.Error!.Value.Vi);
        Assert.Contains("province", result.Error.Value.En);
    }

    [Fact]
    public void Birth_year_in_the_future_is_refused()
    {
        var result = CccdRecognizer.Recognize("001230012345", currentYear: ThisYear);
        Assert.False(result.Ok);
        Assert.Equal(2030, result.BirthYear);
        Assert.Contains("tương lai", result.Error!.Value.Vi);
    }

    [Fact]
    public void Birth_year_must_match_the_known_one()
    {
        Assert.True(CccdRecognizer.Recognize("001090012345", knownBirthYear: 1990, currentYear: ThisYear).Ok);
        var result = CccdRecognizer.Recognize("001090012345", knownBirthYear: 1991, currentYear: ThisYear);
        Assert.False(result.Ok);
        Assert.Contains("không khớp", result.Error!.Value.Vi);
        Assert.Contains("does not match", result.Error.Value.En);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tôi không nhớ số")]
    public void No_number_is_an_error(string text)
    {
        var result = CccdRecognizer.Recognize(text, currentYear: ThisYear);
        Assert.Equal(IdKind.None, result.Kind);
        Assert.NotNull(result.Error);
    }

    [Theory]
    [InlineData("123456789")]
    [InlineData("00109001234")]
    [InlineData("003090012345")]
    [InlineData("001230012345")]
    [InlineData("001090012345")]
    public void Errors_never_repeat_the_number(string number)
    {
        var result = CccdRecognizer.Recognize(number, knownBirthYear: 1970, currentYear: ThisYear);
        var error = Assert.NotNull(result.Error);
        foreach (var message in new[] { error.Vi, error.En })
        {
            Assert.DoesNotContain(number, message);
            Assert.DoesNotContain(number[..3], message);
        }
    }
}
