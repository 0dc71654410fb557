using GuidanceBot.Analytics;
using GuidanceBot.Bot;

namespace GuidanceBot.Tests.Bot;

/// <summary>A procedure started from free text is named in its first reply; a medium match is confirmed before anything starts.</summary>
public class AnnounceAndConfirmTests
{
    // Every match below this is "medium", so the confirmation can be tested on any text.
    private static readonly BotOptions Hesitant = new() { StrongMatch = 0.99 };

    [Fact]
    public async Task Free_text_names_the_procedure_and_how_to_leave_before_its_first_step()
    {
        var chat = new Conversation(RealBot.Create());

        await chat.Say("con tôi mới sinh, làm giấy tờ gì");

        var lines = chat.LastText.Split('\n');
        Assert.Equal($"Mình hướng dẫn bạn \"{RealBot.Catalog.Find("khai-sinh")!.Title.Vi}\". Gõ \"thoát\" để dừng bất cứ lúc nào, \"quay lại\" để về bước trước.", lines[0]);
        Assert.Equal("Bé được sinh ở đâu?", lines[^1]);
    }

    [Fact]
    public async Task A_tap_on_a_procedure_starts_it_without_the_announcement()
    {
        var chat = new Conversation(RealBot.Create());

        await chat.Say(RealBot.Catalog.Find("khai-sinh")!.Title.Vi);

        Assert.Equal("Bé được sinh ở đâu?", chat.LastText);
    }

    [Fact]
    public async Task A_medium_match_asks_which_procedure_and_the_choice_starts_it_named()
    {
        var chat = new Conversation(RealBot.Create(Hesitant));

        await chat.Say("đăng ký tạm trú cho người thuê nhà");

        Assert.Equal("Có phải bạn muốn làm một trong các thủ tục này không?", chat.LastText);
        var tamTru = RealBot.Catalog.Find("tam-tru")!.Title.Vi;
        Assert.Equal(tamTru, chat.Buttons[0]);
        Assert.Equal("Không phải", chat.Buttons[^1]);
        Assert.InRange(chat.Buttons.Count, 2, 4);
        Assert.DoesNotContain(await chat.Events(), e => e.Kind == EventKinds.FlowStarted);

        await chat.Say(tamTru);

        Assert.StartsWith($"Mình hướng dẫn bạn \"{tamTru}\".", chat.LastText);
        var events = await chat.Events();
        Assert.StartsWith("tam-tru", Assert.Single(events, e => e.Kind == EventKinds.ConfirmAsked).Property("offered"));
        Assert.Equal("tam-tru", Assert.Single(events, e => e.Kind == EventKinds.ConfirmAnswered).Property("chosen"));
        Assert.Equal("tam-tru", Assert.Single(events, e => e.Kind == EventKinds.FlowStarted).FlowId);
    }

    [Fact]
    public async Task In_english_the_confirmation_is_asked_and_answered_in_english()
    {
        var chat = new Conversation(RealBot.Create(Hesitant), locale: "en-US");

        await chat.Say("register temporary residence where I rent");

        Assert.Equal("Is it one of these?", chat.LastText);
        var tamTru = RealBot.Catalog.Find("tam-tru")!.Title.For("en");
        Assert.Equal([tamTru, "None of these"], [chat.Buttons[0], chat.Buttons[^1]]);

        await chat.Say(tamTru);

        Assert.StartsWith($"I will guide you through \"{tamTru}\".", chat.LastText);
    }

    [Fact]
    public async Task None_of_these_gets_the_menu_and_starts_nothing()
    {
        var chat = new Conversation(RealBot.Create(Hesitant));
        await chat.Say("đăng ký tạm trú cho người thuê nhà");

        await chat.Say("Không phải");

        Assert.StartsWith("Xin lỗi, mình hiểu chưa đúng.", chat.LastText);
        var events = await chat.Events();
        Assert.Equal("none", Assert.Single(events, e => e.Kind == EventKinds.ConfirmAnswered).Property("chosen"));
        Assert.DoesNotContain(events, e => e.Kind == EventKinds.FlowStarted);
    }

    [Fact]
    public async Task Something_else_typed_at_the_confirmation_is_read_afresh()
    {
        var chat = new Conversation(RealBot.Create(Hesitant));
        await chat.Say("đăng ký tạm trú cho người thuê nhà");

        await chat.Say("cảm ơn bạn");

        Assert.StartsWith("Không có gì ạ!", chat.LastText);
        Assert.DoesNotContain(await chat.Events(), e => e.Kind == EventKinds.FlowStarted);
    }
}
