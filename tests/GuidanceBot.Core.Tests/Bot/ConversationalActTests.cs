using GuidanceBot.Language;
using GuidanceBot.Analytics;

namespace GuidanceBot.Tests.Bot;

/// <summary>
/// Conversations that open, thank, say goodbye, acknowledge, ask who or what the bot is, ask vaguely or complain, in
/// Vietnamese (with and without diacritics, chat abbreviations) and English: answered briefly, at the menu and inside a
/// flow (where the step is then shown again); never a procedure started, never "not understood".
/// </summary>
public class ConversationalActTests
{
    private static readonly string[] MenuVi = ["Tài khoản VNeID & đăng nhập", "Khai sinh, khai tử, kết hôn", "Thường trú, tạm trú, lưu trú", "CCCD, hộ chiếu, GPLX, lý lịch tư pháp", "Xe cộ, bảo hiểm, việc làm"];
    private static readonly string[] MenuEn = ["VNeID account & login", "Birth, death, marriage", "Residence registration", "ID card, passport, licence, criminal record", "Vehicles, insurance & jobs"];

    /// <summary>act, language, what the citizen types, the start of the reply at the menu, the start of the reply inside a flow.</summary>
    public static TheoryData<string, string, string, string, string> Acts() => new()
    {
        { "greeting", "vi", "xin chào ad", "Xin chào! Mình là trợ lý ảo", "Chào bạn! Mình đang hướng dẫn bạn" },
        { "greeting", "vi", "alo", "Xin chào! Mình là trợ lý ảo", "Chào bạn! Mình đang hướng dẫn bạn" },
        { "greeting", "vi", "e chào a", "Xin chào! Mình là trợ lý ảo", "Chào bạn! Mình đang hướng dẫn bạn" },
        { "greeting", "en", "hi there", "Hello! I guide you", "Hello! I am guiding you" },
        { "thanks", "vi", "cám ơn bạn nhiều", "Không có gì ạ! Bạn cần mình hướng dẫn thêm", "Không có gì ạ! Mình tiếp tục" },
        { "thanks", "vi", "tks ad", "Không có gì ạ!", "Không có gì ạ! Mình tiếp tục" },
        { "thanks", "en", "thank you so much", "You're welcome! Is there another procedure", "You're welcome! Let's carry on." },
        { "goodbye", "vi", "tạm biệt nhé", "Cảm ơn bạn đã nhắn.", "Tạm biệt bạn! Khi quay lại" },
        { "goodbye", "vi", "bye ad", "Cảm ơn bạn đã nhắn.", "Tạm biệt bạn!" },
        { "goodbye", "en", "goodbye", "Thanks for your message.", "Goodbye! When you come back" },
        { "acknowledgement", "vi", "ok", "Vâng. Bạn cần làm thủ tục gì?", "Vâng. Bạn trả lời bước này" },
        { "acknowledgement", "vi", "vâng ạ", "Vâng. Bạn cần làm thủ tục gì?", "Vâng. Bạn trả lời bước này" },
        { "acknowledgement", "vi", "dạ", "Vâng. Bạn cần làm thủ tục gì?", "Vâng. Bạn trả lời bước này" },
        { "acknowledgement", "en", "got it", "OK. Which procedure do you need?", "OK. Please answer this step" },
        { "who-are-you", "vi", "ban la ai vay", "Mình là trợ lý ảo (chatbot)", "Mình là trợ lý ảo hướng dẫn thủ tục" },
        { "who-are-you", "en", "are you a bot?", "I am a virtual assistant (a chatbot)", "I am a virtual assistant for online procedures" },
        { "what-can-you-do", "vi", "bạn giúp được gì", "Mình hướng dẫn từng bước các thủ tục trực tuyến về: Tài khoản VNeID", "Mình đang hướng dẫn bạn" },
        { "what-can-you-do", "en", "what can you do", "I guide you step by step through online procedures on: VNeID account", "I am guiding you through" },
        { "vague-request", "vi", "cho mk hỏi", "Bạn cứ hỏi nhé. Bạn cần làm thủ tục gì?", "Bạn cứ hỏi, ví dụ lệ phí" },
        { "vague-request", "vi", "cho hỏi chút", "Bạn cứ hỏi nhé.", "Bạn cứ hỏi, ví dụ lệ phí" },
        { "vague-request", "en", "can you help me", "Go ahead. Which procedure do you need?", "Go ahead and ask" },
        { "complaint", "vi", "không hiểu gì cả", "Xin lỗi vì mình chưa giúp được bạn", "Xin lỗi vì bước này khó theo dõi" },
        { "complaint", "en", "this is useless", "Sorry I have not been more helpful", "Sorry this step is hard to follow" },
    };

    [Theory]
    [MemberData(nameof(Acts))]
    public async Task An_act_at_the_menu_gets_a_short_answer_and_starts_nothing(string act, string language, string text, string atMenu, string _)
    {
        var chat = new Conversation(RealBot.Create(), locale: language == "en" ? "en-US" : "vi-VN");

        await chat.Say(text);

        Assert.StartsWith(atMenu, chat.LastText);
        var buttons = act switch
        {
            "goodbye" => [],
            "complaint" => language == "en" ? ["Talk to staff", "Start over"] : new[] { "Gặp cán bộ", "Bắt đầu lại" },
            _ => language == "en" ? MenuEn : MenuVi,
        };
        Assert.Equal(buttons, chat.Buttons);
        var events = await chat.Events();
        Assert.Equal(act, Assert.Single(events, e => e.Kind == EventKinds.Act).Property("act"));
        Assert.DoesNotContain(events, e => e.Kind is EventKinds.FlowStarted or EventKinds.NotUnderstood);
    }

    [Theory]
    [MemberData(nameof(Acts))]
    public async Task An_act_inside_a_flow_is_answered_and_the_step_is_shown_again(string act, string language, string text, string _, string inFlow)
    {
        var english = language == "en";
        var chat = new Conversation(RealBot.Create(), locale: english ? "en-US" : "vi-VN");
        // By the menu's buttons, so the flow starts without an announcement and the step is the whole reply.
        await chat.Say(english ? MenuEn[1] : MenuVi[1]);
        await chat.Say(RealBot.Catalog.Find("khai-sinh")!.Title.For(english ? "en" : "vi"));
        var step = chat.LastText;
        var stepButtons = chat.Buttons;

        await chat.Say(text);

        Assert.StartsWith(inFlow, chat.LastText);
        Assert.EndsWith("\n" + step, chat.LastText);
        Assert.Equal(stepButtons, chat.Buttons);
        var events = await chat.Events();
        var recorded = Assert.Single(events, e => e.Kind == EventKinds.Act);
        Assert.Equal((act, "khai-sinh", "noi-sinh"), (recorded.Property("act"), recorded.FlowId, recorded.StepId));
        Assert.Single(events, e => e.Kind == EventKinds.FlowStarted);
        Assert.DoesNotContain(events, e => e.Kind is EventKinds.NotUnderstood or EventKinds.PromptRetried);
    }

    [Fact]
    public async Task A_greeting_with_a_need_acts_on_the_need_and_greets_back()
    {
        var chat = new Conversation(RealBot.Create());

        await chat.Say("chào bạn, cho mình hỏi làm hộ chiếu");

        Assert.StartsWith("Chào bạn! Mình hướng dẫn bạn \"Làm hộ chiếu", chat.LastText);
        Assert.Equal("ho-chieu", Assert.Single(await chat.Events(), e => e.Kind == EventKinds.FlowStarted).FlowId);
    }

    [Fact]
    public async Task A_greeting_with_a_vague_request_greets_and_asks_which_procedure()
    {
        var chat = new Conversation(RealBot.Create());

        await chat.Say("chào bạn, mình cần hỏi");

        Assert.StartsWith("Chào bạn! Bạn cứ hỏi nhé. Bạn cần làm thủ tục gì?", chat.LastText);
        Assert.Equal(MenuVi, chat.Buttons);
        var events = await chat.Events();
        Assert.Equal("vague-request", Assert.Single(events, e => e.Kind == EventKinds.Act).Property("act"));
        Assert.DoesNotContain(events, e => e.Kind == EventKinds.FlowStarted);
    }

    [Fact]
    public async Task After_a_guide_a_no_closes_politely_and_a_yes_offers_the_menu()
    {
        var chat = new Conversation(RealBot.Create());
        await chat.Say("xin chào");

        await chat.Say("không");
        Assert.StartsWith("Cảm ơn bạn đã nhắn.", chat.LastText);

        await chat.Say("có");
        Assert.StartsWith("Vâng. Bạn cần làm thủ tục gì?", chat.LastText);
    }

    [Fact]
    public async Task An_ok_at_a_checklist_goes_on_rather_than_being_acknowledged()
    {
        var chat = new Conversation(RealBot.Create());
        await chat.Say("tôi muốn làm giấy khai sinh cho con");
        await chat.Say("Bệnh viện, trạm y tế");
        await chat.Say("Chưa quá 60 ngày");
        var checklist = chat.LastText;

        await chat.Say("ok");

        Assert.NotEqual(checklist, chat.LastText);
        Assert.DoesNotContain(await chat.Events(), e => e.Kind == EventKinds.Act);
    }

    [Theory]
    [InlineData("bạn là người máy hả", "who-are-you", "Mình là trợ lý ảo (chatbot)")]
    [InlineData("what else can you do", "what-can-you-do", "I guide you step by step")]
    public async Task A_message_that_only_reads_like_an_act_is_answered_as_that_act(string text, string act, string reply)
    {
        var chat = new Conversation(RealBot.Create(), locale: LanguageHeuristic.Detect(text).IsEnglish(0.9) ? "en-US" : "vi-VN");

        await chat.Say(text);

        Assert.StartsWith(reply, chat.LastText);
        var events = await chat.Events();
        Assert.Equal(act, Assert.Single(events, e => e.Kind == EventKinds.Act).Property("act"));
        Assert.DoesNotContain(events, e => e.Kind is EventKinds.FlowStarted or EventKinds.NotUnderstood);
    }
}
