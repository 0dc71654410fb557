using GuidanceBot.Language;

namespace GuidanceBot.Tests.Language;

public class PhoneRecognizerTests
{
    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("0912.345.678", "0912345678")]
    [InlineData("0912-345-678", "0912345678")]
    [InlineData("(091) 234 5678", "0912345678")]
    [InlineData("+84912345678", "0912345678")]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("(+84) 912-345-678", "0912345678")]
    [InlineData("84912345678", "0912345678")]
    [InlineData("0084912345678", "0912345678")]
    [InlineData("+84 0912 345 678", "0912345678")]
    [InlineData("sđt của em là 0387 654 321 ạ", "0387654321")]
    [InlineData("so dt: 0521234567", "0521234567")]
    [InlineData("0701234567", "0701234567")]
    [InlineData("0891234567", "0891234567")]
    [InlineData("0599123456", "0599123456")]
    public void Mobile_numbers_are_read_as_ten_digits_starting_with_zero(string text, string expected)
    {
        var result = PhoneRecognizer.Recognize(text);
        Assert.True(result.Ok);
        Assert.Equal(expected, result.Number);
        Assert.Null(result.Error);
    }

    [Theory]
    [InlineData("01621234567", "0321234567")]
    [InlineData("01691234567", "0391234567")]
    [InlineData("01201234567", "0701234567")]
    [InlineData("01211234567", "0791234567")]
    [InlineData("01221234567", "0771234567")]
    [InlineData("01261234567", "0761234567")]
    [InlineData("01281234567", "0781234567")]
    [InlineData("01231234567", "0831234567")]
    [InlineData("01241234567", "0841234567")]
    [InlineData("01251234567", "0851234567")]
    [InlineData("01271234567", "0811234567")]
    [InlineData("01291234567", "0821234567")]
    [InlineData("01861234567", "0561234567")]
    [InlineData("01881234567", "0581234567")]
    [InlineData("01991234567", "0591234567")]
    [InlineData("+84 162 123 4567", "0321234567")]
    [InlineData("0168.123.4567", "0381234567")]
    public void Old_eleven_digit_numbers_are_converted(string text, string expected)
    {
        Assert.Equal(expected, PhoneRecognizer.Recognize(text).Number);
    }

    [Theory]
    [InlineData("0212345678")]
    [InlineData("0281234567")]
    public void Landline_numbers_are_refused(string text)
    {
        var result = PhoneRecognizer.Recognize(text);
        Assert.False(result.Ok);
        Assert.Contains("máy bàn", result.Error!.Value.Vi);
        Assert.Contains("landline", result.Error.Value.En);
    }

    [Theory]
    [InlineData("0312345678")]
    [InlineData("0512345678")]
    [InlineData("0712345678")]
    [InlineData("0801234567")]
    [InlineData("0612345678")]
    [InlineData("0112345678")]
    public void Numbers_without_a_current_mobile_prefix_are_refused(string text)
    {
        var result = PhoneRecognizer.Recognize(text);
        Assert.False(result.Ok);
        Assert.Contains("đầu số", result.Error!.Value.Vi);
    }

    [Theory]
    [InlineData("091234567", 9)]
    [InlineData("091234567890", 12)]
    [InlineData("0912 3456", 8)]
    public void Wrong_length_is_refused_with_the_digit_count(string text, int count)
    {
        var result = PhoneRecognizer.Recognize(text);
        Assert.False(result.Ok);
        Assert.Contains($"{count} chữ số", result.Error!.Value.Vi);
    }

    [Fact]
    public void Unknown_old_prefix_is_refused()
    {
        Assert.False(PhoneRecognizer.Recognize("01901234567").Ok);
    }

    [Theory]
    [InlineData("")]
    [InlineData("không có số")]
    public void No_number_is_an_error(string text)
    {
        var result = PhoneRecognizer.Recognize(text);
        Assert.False(result.Ok);
        Assert.NotNull(result.Error);
    }

    [Theory]
    [InlineData("0212345678")]
    [InlineData("0312345678")]
    [InlineData("091234567")]
    [InlineData("01901234567")]
    public void Errors_never_repeat_the_number(string number)
    {
        var error = PhoneRecognizer.Recognize(number).Error!.Value;
        Assert.DoesNotContain(number, error.Vi);
        Assert.DoesNotContain(number, error.En);
        Assert.DoesNotContain(number[..5], error.Vi);
    }
}
