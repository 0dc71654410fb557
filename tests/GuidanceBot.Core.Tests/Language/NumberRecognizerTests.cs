using GuidanceBot.Language;

namespace GuidanceBot.Tests.Language;

public class NumberRecognizerTests
{
    [Theory]
    [InlineData("25", "25")]
    [InlineData("0", "0")]
    [InlineData("25,5", "25.5")]
    [InlineData("25.5", "25.5")]
    [InlineData("1.000.000", "1000000")]
    [InlineData("1.000", "1000")]
    [InlineData("25.000 đồng", "25000")]
    [InlineData("1,000,000", "1000000")]
    [InlineData("1.250.000,5", "1250000.5")]
    [InlineData("khoảng 30 người", "30")]
    [InlineData("tôi 45 tuổi", "45")]
    public void Digits_are_read_with_vietnamese_separators(string text, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), NumberRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("một", 1)]
    [InlineData("hai", 2)]
    [InlineData("chín", 9)]
    [InlineData("mười", 10)]
    [InlineData("muoi", 10)]
    [InlineData("mười một", 11)]
    [InlineData("mười lăm", 15)]
    [InlineData("muoi lam", 15)]
    [InlineData("hai mươi", 20)]
    [InlineData("hai mươi lăm", 25)]
    [InlineData("hai muoi lam", 25)]
    [InlineData("hai lăm", 25)]
    [InlineData("hai lam", 25)]
    [InlineData("hai mươi mốt", 21)]
    [InlineData("hai mốt", 21)]
    [InlineData("hai mươi tư", 24)]
    [InlineData("ba tư", 34)]
    [InlineData("chín mươi chín", 99)]
    [InlineData("một trăm", 100)]
    [InlineData("một trăm linh năm", 105)]
    [InlineData("một trăm lẻ năm", 105)]
    [InlineData("mot tram le nam", 105)]
    [InlineData("ba trăm hai mươi", 320)]
    [InlineData("một trăm rưỡi", 150)]
    [InlineData("ba nghìn", 3000)]
    [InlineData("ba ngàn", 3000)]
    [InlineData("ba ngan", 3000)]
    [InlineData("hai nghìn không trăm hai mươi tư", 2024)]
    [InlineData("một nghìn chín trăm chín mươi", 1990)]
    [InlineData("hai triệu", 2000000)]
    [InlineData("hai triệu rưỡi", 2500000)]
    [InlineData("một triệu hai trăm nghìn", 1200000)]
    [InlineData("hai chục", 20)]
    [InlineData("Khoảng hai mươi lăm tuổi", 25)]
    public void Vietnamese_number_words_are_read(string text, int expected)
    {
        Assert.Equal(expected, NumberRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("2 triệu", 2000000)]
    [InlineData("2,5 triệu", 2500000)]
    [InlineData("50k", 50000)]
    [InlineData("50 nghìn", 50000)]
    [InlineData("2tr", 2000000)]
    [InlineData("3 tỷ", 3000000000)]
    public void Digits_with_scale_words_are_multiplied(string text, long expected)
    {
        Assert.Equal(expected, NumberRecognizer.Recognize(text));
    }

    [Fact]
    public void Decimal_point_can_be_spoken()
    {
        Assert.Equal(2.5m, NumberRecognizer.Recognize("hai phẩy năm"));
    }

    [Fact]
    public void Year_word_before_digits_is_not_five()
    {
        Assert.Equal(2024m, NumberRecognizer.Recognize("năm 2024"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("không biết")]
    [InlineData("ko")]
    [InlineData("k")]
    [InlineData("làm thủ tục")]
    [InlineData("xin chào")]
    public void No_number_gives_null(string text)
    {
        Assert.Null(NumberRecognizer.Recognize(text));
    }
}
