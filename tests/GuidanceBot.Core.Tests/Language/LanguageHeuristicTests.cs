using GuidanceBot.Language;
using GuidanceBot.Tests.Bot;

namespace GuidanceBot.Tests.Language;

public class LanguageHeuristicTests
{
    [Theory]
    [InlineData("tôi muốn làm giấy khai sinh cho con")]
    [InlineData("thẻ căn cước của em hết hạn rồi giờ làm sao ạ")]
    [InlineData("Đăng ký tạm trú cho sinh viên thuê phòng")]
    [InlineData("làm hộ chiếu online được không")]
    public void Vietnamese_with_diacritics_is_vietnamese(string text)
    {
        Assert.Equal("vi", LanguageHeuristic.Detect(text).Language);
    }

    [Theory]
    [InlineData("be sinh o nha ko co giay chung sinh thi khai sinh the nao")]
    [InlineData("the can cuoc bi gay hong")]
    [InlineData("doi bang lai can giay kham suc khoe ko")]
    [InlineData("sim ko chinh chu co lam ho chieu online dc ko")]
    [InlineData("homestay khai bao luu tru cho khach")]
    [InlineData("dang nhap dvc bang vneid")]
    public void Vietnamese_without_diacritics_is_vietnamese(string text)
    {
        Assert.Equal("vi", LanguageHeuristic.Detect(text).Language);
    }

    [Theory]
    [InlineData("dk tam tru cho con")]
    [InlineData("ko nhan dc otp vneid")]
    [InlineData("lltp mat bao lau, bn tien")]
    [InlineData("tk vneid quen mk thi sao")]
    public void Chat_abbreviations_are_vietnamese(string text)
    {
        Assert.Equal("vi", LanguageHeuristic.Detect(text).Language);
    }

    [Theory]
    [InlineData("I need to register my baby's birth")]
    [InlineData("How do I get a new ID card?")]
    [InlineData("what documents do I need for a marriage certificate")]
    [InlineData("I lost my passport, where can I apply for a new one")]
    [InlineData("My driving licence expired last month")]
    [InlineData("Can a foreigner register temporary residence online?")]
    [InlineData("I don’t know my VNeID password")]
    public void English_sentences_are_english_with_high_confidence(string text)
    {
        var detected = LanguageHeuristic.Detect(text);
        Assert.Equal("en", detected.Language);
        Assert.True(detected.IsEnglish(0.9), $"{detected.Confidence}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ok")]
    [InlineData("hello")]
    [InlineData("xin passport")]
    [InlineData("Xong")]
    [InlineData("Có rồi")]
    [InlineData("Tiếp tục")]
    [InlineData("Ứng dụng VNeID")]
    [InlineData("VNeID OTP")]
    [InlineData("0912 345 678")]
    [InlineData("😀😀😀")]
    public void Short_texts_and_button_taps_are_unknown(string text)
    {
        Assert.True(LanguageHeuristic.Detect(text).IsUnknown);
    }

    [Theory]
    [InlineData("I want to do khai sinh")] // a Vietnamese word settles it: answer in Vietnamese
    [InlineData("passport renewal please")] // two English words only, one of them shared: not sure enough
    [InlineData("I can do it")] // English words that are also Vietnamese syllables
    [InlineData("我要办护照 please help me")]
    public void Mixed_or_ambiguous_texts_are_never_english(string text)
    {
        Assert.False(LanguageHeuristic.Detect(text).IsEnglish(0.9));
    }

    [Fact]
    public void No_transcript_opening_is_taken_for_english()
    {
        var openings = TranscriptFile.All.SelectMany(f => f.Transcripts.Select(t => t.Say)).ToList();
        Assert.True(openings.Count >= 90);
        var english = openings.Where(o => LanguageHeuristic.Detect(o).IsEnglish(0.5)).ToList();
        Assert.True(english.Count == 0, "Taken for English:\n" + string.Join("\n", english));
    }
}
