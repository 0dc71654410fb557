using GuidanceBot.Language;

namespace GuidanceBot.Tests.Language;

public class ChoiceRecognizerTests
{
    private static readonly string[] Places = ["Trong nước", "Nước ngoài", "Không rõ"];
    private static readonly string[] Services = ["Đăng ký thường trú", "Đăng ký tạm trú", "Khai báo tạm vắng", "Cấp đổi CCCD"];

    [Theory]
    [InlineData("1", 0)]
    [InlineData("2", 1)]
    [InlineData("2.", 1)]
    [InlineData("3)", 2)]
    [InlineData("số 2", 1)]
    [InlineData("so 2", 1)]
    [InlineData("Số 3 ạ", 2)]
    [InlineData("chọn số 1", 0)]
    [InlineData(" 2 ", 1)]
    public void Option_number_is_accepted_one_based(string text, int expected)
    {
        Assert.Equal(new ChoiceMatch(expected, false), ChoiceRecognizer.Recognize(text, Places));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("số 9")]
    public void Option_number_out_of_range_is_none(string text)
    {
        Assert.Equal(ChoiceMatch.None, ChoiceRecognizer.Recognize(text, Places));
    }

    [Theory]
    [InlineData("Nước ngoài", 1)]
    [InlineData("nước ngoài", 1)]
    [InlineData("NƯỚC NGOÀI", 1)]
    [InlineData("nuoc ngoai", 1)]
    [InlineData("Nuoc Ngoai.", 1)]
    [InlineData("trong nuoc", 0)]
    [InlineData("ko rõ", 2)]
    [InlineData("khong ro", 2)]
    public void Title_matches_in_any_case_with_or_without_diacritics(string text, int expected)
    {
        var match = ChoiceRecognizer.Recognize(text, Places);
        Assert.True(match.Found);
        Assert.Equal(expected, match.Index);
    }

    [Theory]
    [InlineData("thường trú", 0)]
    [InlineData("thuong tru", 0)]
    [InlineData("tạm vắng", 2)]
    [InlineData("tam vang", 2)]
    [InlineData("cccd", 3)]
    [InlineData("cấp đổi", 3)]
    [InlineData("ngoài", 1)]
    [InlineData("trong", 0)]
    [InlineData("chọn tạm vắng nhé", 2)]
    public void Unique_part_of_a_title_matches(string text, int expected)
    {
        var titles = expected == 1 || text == "trong" ? Places : Services;
        Assert.Equal(new ChoiceMatch(expected, false), ChoiceRecognizer.Recognize(text, titles));
    }

    [Theory]
    [InlineData("đăng ký")]
    [InlineData("dang ky")]
    [InlineData("tạm")]
    [InlineData("dk")]
    public void Part_matching_several_titles_is_ambiguous(string text)
    {
        var match = ChoiceRecognizer.Recognize(text, Services);
        Assert.True(match.Ambiguous);
        Assert.Equal(-1, match.Index);
        Assert.False(match.Found);
    }

    [Fact]
    public void Word_shared_by_two_titles_is_ambiguous()
    {
        Assert.Equal(ChoiceMatch.Several, ChoiceRecognizer.Recognize("nước", Places));
    }

    [Fact]
    public void Sentence_containing_a_whole_title_matches_it()
    {
        Assert.Equal(new ChoiceMatch(1, false), ChoiceRecognizer.Recognize("mình đang ở nước ngoài ạ", Places));
    }

    [Fact]
    public void Full_title_wins_over_option_number()
    {
        string[] durations = ["1 năm", "2 năm", "5 năm"];
        Assert.Equal(new ChoiceMatch(2, false), ChoiceRecognizer.Recognize("5 năm", durations));
        Assert.Equal(new ChoiceMatch(1, false), ChoiceRecognizer.Recognize("2", durations));
    }

    [Theory]
    [InlineData("")]
    [InlineData("xin chào")]
    [InlineData("hộ chiếu")]
    [InlineData("ạ")]
    public void Unrelated_reply_is_none(string text)
    {
        Assert.Equal(ChoiceMatch.None, ChoiceRecognizer.Recognize(text, Services));
    }

    [Theory]
    [InlineData("dạ")]
    [InlineData("ừ")]
    [InlineData("không")]
    public void A_bare_yes_or_no_picks_no_option_that_merely_shares_a_word(string text) =>
        Assert.Equal(ChoiceMatch.None, ChoiceRecognizer.Recognize(text, ["Bệnh viện, trạm y tế", "Hồ sơ đã nộp bị trả lại", "Không có giấy chứng sinh"]));
}
