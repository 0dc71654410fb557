using GuidanceBot.Language;

namespace GuidanceBot.Tests.Language;

/// <summary>Messages that hold no act phrase exactly but read like one; needs and long messages do not.</summary>
public class ActLikenessTests
{
    [Theory]
    [InlineData("bạn là người máy hả", ConversationalAct.WhoAreYou)]
    [InlineData("ban la nguoi may ha", ConversationalAct.WhoAreYou)]
    [InlineData("what else can you do", ConversationalAct.WhatCanYouDo)]
    [InlineData("bạn có thể giúp được gì cho mình", ConversationalAct.WhatCanYouDo)]
    public void A_near_act_phrase_reads_as_its_act(string text, ConversationalAct act)
    {
        var like = ActLikeness.Nearest(text);

        Assert.NotNull(like);
        Assert.Equal(act, like.Value.Act);
        Assert.True(like.Value.Score >= ActLikeness.Threshold, $"{like.Value.Score:0.00}");
    }

    [Theory]
    [InlineData("làm căn cước cho con 14 tuổi")]
    [InlineData("thời tiết ngày mai thế nào")]
    [InlineData("đăng ký tạm trú cho người thuê trọ")]
    public void A_need_does_not_read_as_an_act(string text)
    {
        Assert.False(ActLikeness.Nearest(text) is { } like && like.Score >= ActLikeness.Threshold, $"{ActLikeness.Nearest(text)}");
    }

    [Fact]
    public void A_long_message_or_an_empty_one_reads_as_no_act()
    {
        Assert.Null(ActLikeness.Nearest("chào bạn cho mình hỏi là mình muốn làm lại thẻ căn cước vì bị mất ở đâu"));
        Assert.Null(ActLikeness.Nearest(""));
        Assert.Null(ActLikeness.Nearest("?!"));
    }
}
