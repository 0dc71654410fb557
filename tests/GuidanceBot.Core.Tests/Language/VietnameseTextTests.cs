using System.Text;
using GuidanceBot.Language;

namespace GuidanceBot.Tests.Language;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("thuỷ", "thủy")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("Thanh Hoá", "thanh hóa")]
    [InlineData("Khánh Hoà", "khánh hòa")]
    [InlineData("loà", "lòa")]
    [InlineData("tuỳ", "tùy")]
    [InlineData("hoạ", "họa")]
    public void Old_tone_placement_equals_new(string newStyle, string oldStyle)
    {
        Assert.Equal(VietnameseText.Normalize(oldStyle), VietnameseText.Normalize(newStyle));
    }

    [Theory]
    [InlineData("hòa", "hòa")]
    [InlineData("hoà", "hòa")]
    [InlineData("hoàn", "hoàn")]
    [InlineData("hòan", "hoàn")]
    [InlineData("người", "người")]
    [InlineData("ngừơi", "người")]
    [InlineData("lựơng", "lượng")]
    [InlineData("quý", "quý")]
    [InlineData("qúy", "quý")]
    [InlineData("giữa", "giữa")]
    [InlineData("gìn", "gìn")]
    [InlineData("ngoài", "ngoài")]
    [InlineData("ngòai", "ngoài")]
    [InlineData("khuỷu", "khuỷu")]
    [InlineData("chuyện", "chuyện")]
    [InlineData("thuở", "thuở")]
    [InlineData("muốn", "muốn")]
    [InlineData("café", "café")]
    public void Tone_goes_on_one_canonical_vowel(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Normalize(input));
    }

    [Fact]
    public void Decomposed_input_equals_composed()
    {
        var composed = "Nước ngoài, hoà bình";
        var decomposed = composed.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);
        Assert.Equal(VietnameseText.Normalize(composed), VietnameseText.Normalize(decomposed));
    }

    [Theory]
    [InlineData("  Xin   CHÀO\t bạn \n", "xin chào bạn")]
    [InlineData("ĐĂNG KÝ", "đăng ký")]
    [InlineData("ÐĂNG KÝ", "đăng ký")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Normalize_lower_cases_trims_and_collapses_whitespace(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Normalize(input));
    }

    [Theory]
    [InlineData("Nước ngoài", "nuoc ngoai")]
    [InlineData("Đăng ký thường trú", "dang ky thuong tru")]
    [InlineData("Thanh Hoá", "thanh hoa")]
    [InlineData("CĂN CƯỚC CÔNG DÂN", "can cuoc cong dan")]
    [InlineData("nuoc ngoai", "nuoc ngoai")]
    public void Fold_strips_all_diacritics(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(input));
    }

    [Theory]
    [InlineData("ko biết", "không biết")]
    [InlineData("k dc", "không được")]
    [InlineData("hok bít j", "không biết gì")]
    [InlineData("khum", "không")]
    [InlineData("khônggg", "không")]
    [InlineData("kooo", "không")]
    [InlineData("dk tạm trú", "đăng ký tạm trú")]
    [InlineData("đk thường trú", "đăng ký thường trú")]
    [InlineData("đc r", "được rồi")]
    [InlineData("tks bn nhé", "cảm ơn bao nhiêu nhé")]
    [InlineData("sđt của mik", "số điện thoại của mình")]
    [InlineData("quên tk mk", "quên tài khoản mật khẩu")]
    [InlineData("sao z", "sao vậy")]
    [InlineData("thế v?", "thế vậy?")]
    [InlineData("làm cccd ở đâu", "làm cccd ở đâu")]
    [InlineData("vneid bị lỗi", "vneid bị lỗi")]
    [InlineData("50k", "50k")]
    [InlineData("xoong", "xoong")]
    [InlineData("chào bn", "chào bạn")]
    [InlineData("bn ơi cho mình hỏi", "bạn ơi cho mình hỏi")]
    [InlineData("cảm ơn bn nhiều", "cảm ơn bạn nhiều")]
    [InlineData("làm hộ chiếu hết bn tiền", "làm hộ chiếu hết bao nhiêu tiền")]
    [InlineData("phí 50 k à", "phí 50 nghìn à")]
    [InlineData("k biết 50 k hay 100 k", "không biết 50 nghìn hay 100 nghìn")]
    [InlineData("lương 7 tr", "lương 7 triệu")]
    [InlineData("nhập hk cho chồng", "nhập hộ khẩu cho chồng")]
    [InlineData("nhap hk", "nhap hộ khẩu")]
    [InlineData("hk biết", "không biết")]
    [InlineData("đượccc khônggg", "được không")]
    [InlineData("gia hạn bhyt hgđ ntn", "gia hạn bhyt hộ gia đình như thế nào")]
    [InlineData("cảm ơn nhiu, bik rồi", "cảm ơn nhiều, biết rồi")]
    [InlineData("ms nghỉ việc ở cty", "mới nghỉ việc ở công ty")]
    public void Abbreviations_are_expanded_word_by_word(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.ExpandAbbreviations(VietnameseText.Normalize(input)));
    }

    [Theory]
    [InlineData("Ko, mình CHƯA có tài khoản!!!", "khong minh chua co tai khoan")]
    [InlineData("Nước ngoài.", "nuoc ngoai")]
    [InlineData("hoà-bình", "hoa binh")]
    [InlineData("dc r ạ", "duoc roi a")]
    public void Canonical_is_folded_expanded_and_without_punctuation(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Canonical(input));
    }

    [Fact]
    public void Remembered_canonical_forms_are_the_same_as_computed_ones()
    {
        // The last reply and content titles are remembered; asking again, in any order, must give the same answers.
        string[] texts = ["Nước ngoài.", "Nước ngoài.", "dc r ạ", "Nước ngoài.", "", "dc r ạ"];
        string[] expected = ["nuoc ngoai", "nuoc ngoai", "duoc roi a", "nuoc ngoai", "", "duoc roi a"];

        Assert.Equal(expected, texts.Select(VietnameseText.Canonical));
        Assert.Equal(expected, texts.Select(VietnameseText.CanonicalOfContent));
        Assert.Throws<ArgumentNullException>(() => VietnameseText.Canonical(null!));
    }

    [Fact]
    public void Tokens_are_the_words_of_the_canonical_form()
    {
        Assert.Equal(["lam", "cccd", "o", "dau"], VietnameseText.Tokens("Làm CCCD ở đâu?"));
        Assert.Empty(VietnameseText.Tokens(" ?! "));
    }

    private static readonly IReadOnlyDictionary<string, int> Known = new Dictionary<string, int>
    {
        ["nghiep"] = 5, ["thuong"] = 3, ["tru"] = 7, ["khai"] = 4, ["sinh"] = 4, ["kinh"] = 1, ["vneid"] = 9, ["chieu"] = 2,
    };

    [Theory]
    [InlineData("ngiep", "nghiep")]
    [InlineData("thuongg", "thuong")]
    [InlineData("kahi", "khai")]
    [InlineData("sinhh", "sinh")]
    [InlineData("vnied", "vneid")]
    [InlineData("chiue", "chieu")]
    public void A_typo_one_edit_from_a_known_word_is_corrected(string typed, string expected)
    {
        Assert.Equal(expected, VietnameseText.CorrectTypo(typed, Known));
    }

    [Theory]
    [InlineData("tru")]
    [InlineData("xyzabc")]
    [InlineData("nghiep")]
    [InlineData("ngjjep")]
    [InlineData("123456")]
    public void Known_short_and_distant_words_are_left_alone(string typed)
    {
        Assert.Equal(typed, VietnameseText.CorrectTypo(typed, Known));
    }

    [Fact]
    public void Among_several_corrections_the_most_frequent_word_wins()
    {
        // "sinh" (4) and "kinh" (1) are both one letter from "xinh".
        Assert.Equal("sinh", VietnameseText.CorrectTypo("xinh", Known));
    }

    [Theory]
    [InlineData("vắng", "vắng", true)]
    [InlineData("vằng", "vắng", true)]   // the right letters with the wrong tone
    [InlineData("vắn", "vắn", true)]
    [InlineData("cuóc", "cước", true)]   // the right tone on the wrong vowels
    [InlineData("vàng", "vắng", false)]  // both differ: gold, not absent
    [InlineData("gìa", "già", true)]
    [InlineData("dăng", "đăng", true)]   // đ typed as d: same tone
    public void A_word_typed_with_diacritics_could_mean_one_that_differs_in_tone_or_vowel_marks_but_not_both(string typed, string written, bool expected)
    {
        Assert.Equal(expected, VietnameseText.CouldMean(VietnameseText.Normalize(typed), VietnameseText.Normalize(written)));
    }
}
