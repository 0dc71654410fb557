using GuidanceBot.Analytics;

namespace GuidanceBot.Tests.Bot;

/// <summary>The router's behaviour at any step: switching flows, language, cancel, and what analytics see.</summary>
public class RouterTests
{
    [Fact]
    public async Task Greeting_offers_the_topics_as_at_most_five_buttons()
    {
        var chat = new Conversation(RealBot.Create());

        await chat.Join();

        Assert.StartsWith("Xin chào", chat.LastText);
        Assert.Equal(["Tài khoản VNeID & đăng nhập", "Khai sinh, khai tử, kết hôn", "Thường trú, tạm trú, lưu trú", "CCCD, hộ chiếu, GPLX, lý lịch tư pháp", "Xe cộ, bảo hiểm, việc làm"], chat.Buttons);
    }

    [Fact]
    public async Task A_topic_lists_its_flows_and_a_tap_starts_one()
    {
        var chat = new Conversation(RealBot.Create());
        await chat.Join();

        await chat.Say("Thường trú, tạm trú, lưu trú");
        Assert.Equal(4, chat.Buttons.Count);
        await chat.Say(chat.Buttons.Single(b => b.Contains("tạm trú", StringComparison.OrdinalIgnoreCase)));

        Assert.Equal("tam-tru", (await chat.Events()).Single(e => e.Kind == EventKinds.FlowStarted).FlowId);
    }

    [Fact]
    public async Task Every_flow_is_a_button_under_its_topic()
    {
        // A topic shows at most five buttons (Zalo's limit), so a sixth flow in a topic would vanish from the menu.
        var greeting = new Conversation(RealBot.Create());
        await greeting.Join();
        var topics = greeting.Buttons.ToList();

        var listed = new HashSet<string>();
        foreach (var topic in topics)
        {
            var chat = new Conversation(RealBot.Create());
            await chat.Join();
            await chat.Say(topic);
            listed.UnionWith(chat.Buttons);
        }

        var missing = RealBot.Catalog.Flows.Where(f => !listed.Contains(f.Title.Vi)).Select(f => f.Id).ToList();
        Assert.True(missing.Count == 0, "Flows no topic menu offers: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task A_strong_match_for_another_flow_mid_flow_asks_before_switching()
    {
        var chat = new Conversation(RealBot.Create());
        await chat.Say("tôi muốn làm giấy khai sinh cho con");

        await chat.Say("đăng ký tạm trú cho người thuê nhà");
        Assert.Contains("chuyển sang", chat.LastText);
        Assert.Equal(["Có", "Không"], chat.Buttons);

        await chat.Say("Có");

        var events = await chat.Events();
        Assert.Equal(["khai-sinh", "tam-tru"], events.Where(e => e.Kind == EventKinds.FlowStarted).Select(e => e.FlowId));
        var replaced = Assert.Single(events, e => e.Kind == EventKinds.FlowReplaced);
        Assert.Equal("khai-sinh", replaced.FlowId);
        Assert.DoesNotContain(events, e => e.Kind == EventKinds.FlowCancelled);
    }

    [Fact]
    public async Task Declining_the_switch_keeps_the_current_step()
    {
        var chat = new Conversation(RealBot.Create());
        await chat.Say("tôi muốn làm giấy khai sinh cho con");
        var question = chat.LastText.Split('\n')[^1];

        await chat.Say("đăng ký tạm trú cho người thuê nhà");
        await chat.Say("Không");

        Assert.EndsWith(question, chat.LastText);
        Assert.Single((await chat.Events()), e => e.Kind == EventKinds.FlowStarted);
    }

    [Fact]
    public async Task English_switch_translates_the_current_step_and_back()
    {
        var chat = new Conversation(RealBot.Create());
        await chat.Say("tôi muốn làm giấy khai sinh cho con");

        await chat.Say("English");
        Assert.Contains("Where was the baby born?", chat.LastText);

        await chat.Say("tiếng việt");
        Assert.Contains("Bé được sinh ở đâu?", chat.LastText);
    }

    [Fact]
    public async Task Thoat_mid_flow_cancels_the_run_and_records_where()
    {
        var chat = new Conversation(RealBot.Create());
        await chat.Say("dang ky tam tru");

        await chat.Say("thoát");

        Assert.Contains("Đã dừng", chat.LastText);
        var cancelled = Assert.Single(await chat.Events(), e => e.Kind == EventKinds.FlowCancelled);
        Assert.Equal("tam-tru", cancelled.FlowId);
        Assert.NotNull(cancelled.StepId);
    }

    [Fact]
    public async Task Events_of_a_walk_are_exactly_the_steps_entered_with_flow_step_and_content_version()
    {
        var flow = RealBot.Catalog.Find("khai-sinh")!;
        var chat = new Conversation(RealBot.Create());
        await chat.Say("tôi muốn làm giấy khai sinh cho con");
        await chat.Say("Bệnh viện, trạm y tế");
        await chat.Say("Chưa quá 60 ngày");
        await chat.Say("Tiếp tục");

        var events = await chat.Events();
        var entered = events.Where(e => e.Kind == EventKinds.StepEntered && e.FlowId is not null).ToList();
        var expected = new[] { flow.Start, "tuoi-be", "phi-dung-han", flow.Step("phi-dung-han").NextSteps[0] };
        Assert.Equal(expected, entered.Select(e => e.StepId));
        Assert.All(entered, e => Assert.Equal(("khai-sinh", flow.ContentVersion), (e.FlowId, e.ContentVersion)));
        var run = events.Single(e => e.Kind == EventKinds.FlowStarted).RunId;
        Assert.All(entered, e => Assert.Equal(run, e.RunId));
        Assert.Equal(["1", "1"], events.Where(e => e.Kind == EventKinds.StepAnswered && e.Property("choice") is not null).Select(e => e.Property("choice")));
    }
}
