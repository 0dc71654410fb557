using GuidanceBot.Analytics;
using GuidanceBot.Content;

namespace GuidanceBot.Tests.Bot;

/// <summary>Questions the bot does not guide are answered as such, with where to go instead — never routed to the nearest procedure.</summary>
public class OutOfScopeTests
{
    [Theory]
    [InlineData("thủ tục ly hôn đơn phương ở đâu", "toa-an")]
    [InlineData("du bao thoi tiet ha noi ngay mai", "doi-song")]
    [InlineData("xin việc làm ở khu công nghiệp", "viec-lam")]
    public async Task At_the_menu_an_out_of_scope_question_gets_its_topics_answer(string text, string topicId)
    {
        var chat = new Conversation(RealBot.Create());

        await chat.Say(text);

        var topic = RealBot.Catalog.FindOutOfScope(OutOfScopeTopic.IntentPrefix + topicId)!;
        Assert.Equal(topic.Answer.Vi, chat.LastText);
        var events = await chat.Events();
        var recorded = Assert.Single(events, e => e.Kind == EventKinds.OutOfScope);
        Assert.Equal(topicId, recorded.Property("topic"));
        Assert.DoesNotContain(events, e => e.Kind is EventKinds.FlowStarted or EventKinds.NotUnderstood);
    }

    [Fact]
    public async Task Inside_a_flow_an_out_of_scope_question_is_answered_and_the_step_shown_again()
    {
        var chat = new Conversation(RealBot.Create());
        await chat.Say("tôi muốn làm giấy khai sinh cho con");
        var step = chat.LastText.Split('\n')[^1];

        await chat.Say("bé nhà mình bị ho sốt cả tuần nay");

        Assert.StartsWith("Mình chỉ hướng dẫn thủ tục hành chính trực tuyến, chưa hướng dẫn được việc khám chữa bệnh.", chat.LastText);
        Assert.EndsWith("\n" + step, chat.LastText);
        var recorded = Assert.Single(await chat.Events(), e => e.Kind == EventKinds.OutOfScope);
        Assert.Equal(("y-te", "khai-sinh", "noi-sinh"), (recorded.Property("topic"), recorded.FlowId, recorded.StepId));
    }

    [Fact]
    public async Task The_text_kept_for_staff_is_redacted()
    {
        var chat = new Conversation(RealBot.Create());

        await chat.Say("giá vàng hôm nay, gọi tôi 0912345678");

        Assert.Equal("giá vàng hôm nay, gọi tôi [SĐT]", Assert.Single(await chat.Events(), e => e.Kind == EventKinds.OutOfScope).Property("text"));
    }
}
