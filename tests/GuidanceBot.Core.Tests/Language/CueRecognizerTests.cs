using GuidanceBot.Content;
using GuidanceBot.Language;

namespace GuidanceBot.Tests.Language;

/// <summary>Acts and fact questions found in a message, however it is typed, and what is left for the intent recognisers.</summary>
public class CueRecognizerTests
{
    [Theory]
    [InlineData("xin chào", ConversationalAct.Greeting)]
    [InlineData("xin chao", ConversationalAct.Greeting)]
    [InlineData("chàoooo ad ơi", ConversationalAct.Greeting)]
    [InlineData("e chào a", ConversationalAct.Greeting)]
    [InlineData("alo", ConversationalAct.Greeting)]
    [InlineData("Hello there", ConversationalAct.Greeting)]
    [InlineData("cám ơn ạ", ConversationalAct.Thanks)]
    [InlineData("tks ad nhiều", ConversationalAct.Thanks)]
    [InlineData("thank you so much", ConversationalAct.Thanks)]
    [InlineData("🙏", ConversationalAct.Thanks)]
    [InlineData("tạm biệt nhé", ConversationalAct.Goodbye)]
    [InlineData("bye", ConversationalAct.Goodbye)]
    [InlineData("ok", ConversationalAct.Acknowledgement)]
    [InlineData("dạ vâng ạ", ConversationalAct.Acknowledgement)]
    [InlineData("👍", ConversationalAct.Acknowledgement)]
    [InlineData("ban la ai vay", ConversationalAct.WhoAreYou)]
    [InlineData("are you a bot?", ConversationalAct.WhoAreYou)]
    [InlineData("bạn giúp được gì", ConversationalAct.WhatCanYouDo)]
    [InlineData("what can you do", ConversationalAct.WhatCanYouDo)]
    [InlineData("cho mk hỏi chút", ConversationalAct.VagueRequest)]
    [InlineData("i need help", ConversationalAct.VagueRequest)]
    [InlineData("ko hieu gi ca", ConversationalAct.Complaint)]
    [InlineData("this is useless", ConversationalAct.Complaint)]
    public void A_message_of_one_act_is_only_that_act(string text, ConversationalAct act)
    {
        var cues = CueRecognizer.Read(text);

        Assert.Equal([act], cues.Acts);
        Assert.True(cues.IsOnlyActs, $"content words: {cues.ContentWords}, rest '{cues.Rest}'");
    }

    [Theory]
    [InlineData("bao nhiêu tiền vậy ad", FactNames.Fee)]
    [InlineData("le phi bn", FactNames.Fee)]
    [InlineData("how much is it", FactNames.Fee)]
    [InlineData("mất bao lâu", FactNames.Time)]
    [InlineData("mấy ngày thì có", FactNames.Time)]
    [InlineData("cần giấy tờ gì ạ", FactNames.Documents)]
    [InlineData("what documents", FactNames.Documents)]
    [InlineData("nộp ở đâu", FactNames.Where)]
    [InlineData("nop online duoc ko", FactNames.Online)]
    [InlineData("căn cứ pháp lý là gì", FactNames.Legal)]
    [InlineData("nộp xong thì sao", FactNames.Next)]
    public void A_fact_question_is_read_as_its_fact(string text, string fact)
    {
        var cues = CueRecognizer.Read(text);

        Assert.Equal([fact], cues.Questions);
        Assert.False(cues.HasContent, $"rest '{cues.Rest}'");
    }

    [Fact]
    public void A_greeting_with_a_need_leaves_the_need_for_the_recognisers_with_its_diacritics()
    {
        var cues = CueRecognizer.Read("Chào bạn, cho mình hỏi làm hộ chiếu");

        Assert.Equal([ConversationalAct.Greeting, ConversationalAct.VagueRequest], cues.Acts);
        Assert.Equal("cho mình hỏi làm hộ chiếu", cues.Rest);
        Assert.Equal(1, cues.ContentWords); // "chiếu": "làm" and "hộ" are also softeners ("lắm", "giúp hộ")
    }

    [Fact]
    public void A_greeting_and_a_vague_request_have_no_content()
    {
        var cues = CueRecognizer.Read("chào bạn, mình cần hỏi");

        Assert.Equal(ConversationalAct.VagueRequest, ConversationalActs.Main(cues.Acts));
        Assert.True(cues.IsOnlyActs);
    }

    [Fact]
    public void Several_questions_are_all_read_and_answered_in_the_facts_order()
    {
        var cues = CueRecognizer.Read("mất bao lâu và bao nhiêu tiền");

        Assert.Equal([FactNames.Time, FactNames.Fee], cues.Questions);
        Assert.Equal([FactNames.Fee, FactNames.Time], CueRecognizer.InFactOrder(cues.Questions));
    }

    [Fact]
    public void A_message_without_cues_is_passed_on_as_typed()
    {
        var cues = CueRecognizer.Read("Tôi muốn làm giấy khai sinh cho con");

        Assert.Empty(cues.Acts);
        Assert.Empty(cues.Questions);
        Assert.Equal("Tôi muốn làm giấy khai sinh cho con", cues.Rest);
        Assert.True(cues.HasContent);
    }

    [Fact]
    public void A_question_inside_a_need_leaves_the_need()
    {
        var cues = CueRecognizer.Read("làm hộ chiếu mất bao lâu");

        Assert.Equal([FactNames.Time], cues.Questions);
        Assert.Equal("làm hộ chiếu", cues.Rest);
    }

    [Fact]
    public void A_long_message_is_cut_without_splitting_an_emoji()
    {
        var cues = CueRecognizer.Read(new string('a', IntentText.MaxCharacters - 1) + "😀 bao nhiêu tiền");

        Assert.Empty(cues.Questions);
    }

    [Theory]
    [InlineData("ok", true)]
    [InlineData("xin chào", true)]
    [InlineData("xin chào bạn nhé", false)]
    [InlineData("đăng ký tạm trú", false)]
    public void Known_phrases_are_told_apart_from_messages_that_only_contain_them(string text, bool known) =>
        Assert.Equal(known, CueRecognizer.IsKnownPhrase(text));
}
