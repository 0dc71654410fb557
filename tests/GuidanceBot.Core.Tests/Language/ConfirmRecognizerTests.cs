using GuidanceBot.Language;

namespace GuidanceBot.Tests.Language;

public class ConfirmRecognizerTests
{
    [Theory]
    [InlineData("có")]
    [InlineData("Có")]
    [InlineData("CÓ!")]
    [InlineData("co")]
    [InlineData("có ạ")]
    [InlineData("co a")]
    [InlineData("dạ có")]
    [InlineData("da co a")]
    [InlineData("dạ")]
    [InlineData("vâng")]
    [InlineData("vang a")]
    [InlineData("ừ")]
    [InlineData("u")]
    [InlineData("uh")]
    [InlineData("ừm")]
    [InlineData("đúng")]
    [InlineData("đúng rồi")]
    [InlineData("dung roi")]
    [InlineData("đúng rồi ạ.")]
    [InlineData("rồi")]
    [InlineData("roi")]
    [InlineData("r")]
    [InlineData("ok")]
    [InlineData("oke")]
    [InlineData("OK nha")]
    [InlineData("yes")]
    [InlineData("Yes!")]
    [InlineData("y")]
    [InlineData("yeah")]
    [InlineData("yep")]
    [InlineData("sure")]
    [InlineData("được")]
    [InlineData("dc")]
    [InlineData("đc ạ")]
    [InlineData("đồng ý")]
    [InlineData("dong y")]
    [InlineData("chuẩn")]
    [InlineData("phải")]
    [InlineData("có rồi")]
    [InlineData("có, cảm ơn")]
    [InlineData("cóooo")]
    public void Yes_answers_are_recognised(string text)
    {
        Assert.True(ConfirmRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("không")]
    [InlineData("Không")]
    [InlineData("khong")]
    [InlineData("không ạ")]
    [InlineData("khong a")]
    [InlineData("ko")]
    [InlineData("ko nha")]
    [InlineData("k")]
    [InlineData("kh")]
    [InlineData("hông")]
    [InlineData("hong")]
    [InlineData("khum")]
    [InlineData("khônggg")]
    [InlineData("chưa")]
    [InlineData("chưa ạ")]
    [InlineData("chua")]
    [InlineData("chưa có")]
    [InlineData("dạ chưa")]
    [InlineData("dạ không")]
    [InlineData("no")]
    [InlineData("No.")]
    [InlineData("n")]
    [InlineData("nope")]
    [InlineData("not yet")]
    [InlineData("thôi")]
    [InlineData("thoi")]
    [InlineData("không phải")]
    [InlineData("khong phai")]
    [InlineData("sai")]
    [InlineData("sai rồi")]
    [InlineData("không có")]
    public void No_answers_are_recognised(string text)
    {
        Assert.False(ConfirmRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("có lẽ")]
    [InlineData("co le")]
    [InlineData("không biết")]
    [InlineData("ko bít")]
    [InlineData("phải không")]
    [InlineData("có không")]
    [InlineData("mình muốn hỏi về CCCD")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?")]
    public void Unclear_answers_are_null(string text)
    {
        Assert.Null(ConfirmRecognizer.Recognize(text));
    }
}
