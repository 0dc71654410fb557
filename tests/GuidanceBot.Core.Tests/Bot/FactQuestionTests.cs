using GuidanceBot.Analytics;
using GuidanceBot.Bot;
using GuidanceBot.Content;
using GuidanceBot.Tests.Analytics;

namespace GuidanceBot.Tests.Bot;

/// <summary>
/// "Bao nhiêu tiền?", "mất bao lâu?"… asked at any step are answered for the procedure the citizen is in, from its file,
/// then the step is shown again: never a guess, never an offer to switch to another procedure.
/// </summary>
public class FactQuestionTests
{
    /// <summary>Each kind of question, as a citizen might type it.</summary>
    private static readonly (string Fact, string Vi, string En)[] Questions =
    [
        (FactNames.Fee, "bao nhiêu tiền vậy ad", "how much does it cost?"),
        (FactNames.Time, "mat bao lau", "how long does it take?"),
        (FactNames.Documents, "cần giấy tờ gì ạ", "what documents do I need?"),
        (FactNames.Where, "nộp trực tiếp ở đâu", "where do I apply?"),
        (FactNames.Online, "làm online được không", "can I do it online?"),
        (FactNames.Legal, "căn cứ pháp lý là gì", "which law is it based on?"),
        (FactNames.Next, "nộp xong thì sao", "what happens after I submit?"),
    ];

    public static TheoryData<string, string, string> EveryQuestionInFiveFlows()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var flow in TestFacts.Flows)
        {
            foreach (var (fact, _, _) in Questions)
            {
                data.Add(flow, fact, "vi");
            }
            data.Add(flow, FactNames.Fee, "en");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryQuestionInFiveFlows))]
    public async Task A_question_at_a_step_is_answered_for_that_procedure_and_the_step_is_shown_again(string flowId, string fact, string language)
    {
        var english = language == "en";
        var flow = TestFacts.Catalog.Find(flowId)!;
        var chat = new Conversation(TestFacts.Bot(), locale: english ? "en-US" : "vi-VN");
        await chat.Say(flow.Title.For(language));
        var step = chat.LastText;
        var (_, vi, en) = Questions.Single(q => q.Fact == fact);

        await chat.Say(english ? en : vi);

        var expected = flow.Facts.For(fact, null)!.For(language);
        var lines = chat.LastText.Split('\n');
        Assert.Contains(expected, lines[0]);
        Assert.EndsWith("\n" + step, chat.LastText);
        var events = await chat.Events();
        var asked = Assert.Single(events, e => e.Kind == EventKinds.QuestionAsked);
        Assert.Equal((flowId, flow.Start, fact, "yes"), (asked.FlowId, asked.StepId, asked.Property("question"), asked.Property("answered")));
        Assert.DoesNotContain(events, e => e.Kind is EventKinds.NotUnderstood or EventKinds.FlowReplaced);
        Assert.Single(events, e => e.Kind == EventKinds.FlowStarted);
    }

    [Fact]
    public async Task A_step_that_states_the_fee_answers_with_its_own_fee_and_the_provinces()
    {
        using var world = new AnalyticsWorld();
        var chat = world.Chat("step-fee");
        await chat.Say("đăng ký tạm trú");
        await chat.Say("Nhà thuê");

        await chat.Say("bao nhiêu tiền");

        Assert.StartsWith("Lệ phí nộp trực tuyến: 7.000 đồng\nLệ phí nộp trực tiếp: 15.000 đồng\nBạn cần chuẩn bị:", chat.LastText);

        var thanhHoa = new Conversation(RealBot.Create(new BotOptions { Province = "thanh-hoa" }, AnalyticsWorld.Catalog), world.Store, "province", time: world.Time);
        await thanhHoa.Say("đăng ký tạm trú");
        await thanhHoa.Say("phí bao nhiêu");
        Assert.StartsWith("Lệ phí: Miễn phí khi nộp trực tuyến (NQ 12/2025/NQ-HĐND).", thanhHoa.LastText);
        await thanhHoa.Say("Nhà thuê");
        await thanhHoa.Say("phí bao nhiêu");
        Assert.StartsWith("Lệ phí nộp trực tuyến: Miễn phí\nLệ phí nộp trực tiếp: 15.000 đồng", thanhHoa.LastText);
    }

    [Fact]
    public async Task A_fact_the_file_does_not_give_is_no_guess_but_the_hotline_and_the_procedures_page()
    {
        using var world = new AnalyticsWorld();
        var chat = world.Chat("missing");
        await chat.Say("đăng ký tạm trú");

        await chat.Say("nộp xong thì sao");

        Assert.StartsWith("Mình chưa có thông tin chắc chắn về các bước sau khi nộp của thủ tục này nên không đoán. Bạn hỏi tổng đài 1800 1096 "
            + "hoặc xem trang thủ tục: https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.004194", chat.LastText);
        Assert.EndsWith("\nBạn ở nhà thuê, nhà người thân hay nhà của mình?", chat.LastText);
        Assert.Equal("no", Assert.Single(await chat.Events(), e => e.Kind == EventKinds.QuestionAsked).Property("answered"));
    }

    [Fact]
    public async Task A_fact_the_file_marks_unconfirmed_is_answered_with_a_word_of_caution()
    {
        using var world = new AnalyticsWorld();
        var chat = world.Chat("unconfirmed");
        await chat.Say("đăng ký tạm trú");

        await chat.Say("mất bao lâu");

        Assert.StartsWith("Thời gian giải quyết: Thường là 3 ngày làm việc.\n(Thông tin này chưa được xác nhận chắc chắn;", chat.LastText);
    }

    [Fact]
    public async Task Without_a_fact_a_later_step_that_depends_on_the_answers_is_promised_and_the_legal_basis_comes_from_the_source()
    {
        var yaml = Content.FlowFixtures.Read(Content.FlowFixtures.Procedure);
        yaml = yaml.Remove(yaml.IndexOf("  fee: { vi: \"Lệ phí 7.000", StringComparison.Ordinal), yaml.IndexOf("  time: { vi: \"Thường là 3", StringComparison.Ordinal) - yaml.IndexOf("  fee: { vi: \"Lệ phí 7.000", StringComparison.Ordinal));
        yaml = yaml.Remove(yaml.IndexOf("  legal: { vi:", StringComparison.Ordinal), yaml.IndexOf("  provinces:", StringComparison.Ordinal) - yaml.IndexOf("  legal: { vi:", StringComparison.Ordinal));
        var catalog = FlowLoader.LoadFiles([(Content.FlowFixtures.Procedure, yaml), (Content.FlowFixtures.Guide, Content.FlowFixtures.Read(Content.FlowFixtures.Guide))]).Catalog!;
        var chat = new Conversation(RealBot.Create(catalog: catalog));
        await chat.Say("đăng ký tạm trú");

        await chat.Say("lệ phí bao nhiêu");
        Assert.StartsWith("Lệ phí tùy trường hợp của bạn: mình hỏi vài câu rồi sẽ cho bạn biết ở bước đó.", chat.LastText);
        Assert.Equal("later", Assert.Single(await chat.Events(), e => e.Kind == EventKinds.QuestionAsked).Property("answered"));

        await chat.Say("theo luật nào");
        Assert.StartsWith("Căn cứ pháp lý: Luật Cư trú 2020 (Điều 27, 28); Thông tư 55/2021/TT-BCA (Điều 5)", chat.LastText);
    }

    [Fact]
    public async Task A_question_that_names_another_procedure_is_answered_for_it_without_offering_to_switch()
    {
        var chat = new Conversation(TestFacts.Bot());
        await chat.Say("tôi muốn làm giấy khai sinh cho con");
        var step = chat.LastText.Split('\n')[^1];

        await chat.Say("làm hộ chiếu mất bao lâu");

        Assert.StartsWith($"Về \"{TestFacts.Catalog.Find("ho-chieu")!.Title.Vi}\": Thời gian giải quyết: {TestFacts.Catalog.Find("ho-chieu")!.Facts.For(FactNames.Time, null)!.Vi}", chat.LastText);
        Assert.EndsWith("\n" + step, chat.LastText);
        var asked = Assert.Single(await chat.Events(), e => e.Kind == EventKinds.QuestionAsked);
        Assert.Equal(("khai-sinh", "ho-chieu"), (asked.FlowId, asked.Property("about")));
    }

    [Fact]
    public async Task Outside_a_procedure_a_bare_question_asks_which_one_and_is_answered_when_it_is_chosen()
    {
        var chat = new Conversation(TestFacts.Bot());

        await chat.Say("bao nhiêu tiền");
        Assert.StartsWith("Bạn hỏi về thủ tục nào?", chat.LastText);
        Assert.DoesNotContain(await chat.Events(), e => e.Kind == EventKinds.FlowStarted);

        await chat.Say("Khai sinh, khai tử, kết hôn");
        await chat.Say("Đăng ký kết hôn");

        var flow = TestFacts.Catalog.Find("ket-hon")!;
        Assert.StartsWith("Lệ phí: " + flow.Facts.For(FactNames.Fee, null)!.Vi, chat.LastText);
        Assert.EndsWith("\n" + ((AskStep)flow.Step(flow.Start)).Question.Vi, chat.LastText);
    }

    [Fact]
    public async Task Outside_a_procedure_a_question_naming_one_starts_it_with_the_answer_first()
    {
        var chat = new Conversation(TestFacts.Bot());

        await chat.Say("làm căn cước cần giấy tờ gì");

        var flow = TestFacts.Catalog.Find("cccd")!;
        var lines = chat.LastText.Split('\n');
        Assert.StartsWith($"Mình hướng dẫn bạn \"{flow.Title.Vi}\".", lines[0]);
        Assert.Equal("Giấy tờ cần chuẩn bị: " + flow.Facts.For(FactNames.Documents, null)!.Vi, lines[1]);
        Assert.Equal(((AskStep)flow.Step(flow.Start)).Question.Vi, lines[^1]);
    }
}
