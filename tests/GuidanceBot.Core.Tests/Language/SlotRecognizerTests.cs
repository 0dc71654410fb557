using GuidanceBot.Language;

namespace GuidanceBot.Tests.Language;

/// <summary>The slots flows ask about in free text: an age ("dưới 6 tuổi") and whether it is abroad ("ở nước ngoài").</summary>
public class SlotRecognizerTests
{
    [Theory]
    [InlineData("bé nhà em 3 tháng", 3, AgeBound.Exact)]
    [InlineData("con được 2 tuổi", 24, AgeBound.Exact)]
    [InlineData("cháu hai tuổi rưỡi", 30, AgeBound.Exact)]
    [InlineData("dưới 6 tuổi", 72, AgeBound.Under)]
    [InlineData("duoi 6 tuoi", 72, AgeBound.Under)]
    [InlineData("chưa đủ mười bốn tuổi", 168, AgeBound.Under)]
    [InlineData("trên 14 tuổi rồi", 168, AgeBound.Over)]
    [InlineData("mới được 10 ngày", 0, AgeBound.Exact)]
    [InlineData("my son is 5 years old", 60, AgeBound.Exact)]
    public void Ages_are_read_in_months_with_their_bound(string text, int months, AgeBound bound)
    {
        Assert.Equal(new AgeResult(months, bound), AgeRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("bé 3 tháng", true)]
    [InlineData("dưới 6 tuổi", true)]
    [InlineData("con 6 tuổi", false)]
    [InlineData("trên 6 tuổi", false)]
    [InlineData("5 tuổi rưỡi", true)]
    public void Under_six_is_decided_from_exact_ages_and_bounds(string text, bool under)
    {
        Assert.Equal(under, AgeRecognizer.Recognize(text)!.Value.IsUnder(6));
    }

    [Theory]
    [InlineData("làm giấy khai sinh cho con")]
    [InlineData("phí 50 nghìn")]
    [InlineData("")]
    public void No_age_is_null(string text)
    {
        Assert.Null(AgeRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("mình đang ở nước ngoài", true)]
    [InlineData("o nuoc ngoai a", true)]
    [InlineData("bé sinh bên Nhật", true)]
    [InlineData("I live abroad", true)]
    [InlineData("không ở nước ngoài", false)]
    [InlineData("sinh ở Việt Nam", false)]
    [InlineData("trong nước", false)]
    [InlineData("làm ở phường", null)]
    [InlineData("xin lý lịch tư pháp đi xuất khẩu lao động", null)]
    [InlineData("bé đang ở nhà ông bà", false)]
    public void Abroad_or_at_home_is_read_with_negation(string text, bool? abroad)
    {
        Assert.Equal(abroad, AbroadRecognizer.Recognize(text));
    }
}
