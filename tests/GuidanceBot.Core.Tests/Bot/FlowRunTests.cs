using System.Text.Json.Nodes;
using GuidanceBot.Analytics;
using GuidanceBot.Engine;
using GuidanceBot.Tests.Analytics;

namespace GuidanceBot.Tests.Bot;

/// <summary>A flow run's typed state and its side questions asked through prompts on the dialog stack.</summary>
public sealed class FlowRunTests : IDisposable
{
    private readonly AnalyticsWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task A_run_is_stored_as_a_typed_flow_run_in_its_stack_entry()
    {
        var chat = _world.Chat("typed");
        await chat.Say("đăng ký tạm trú");
        await chat.Say("Nhà thuê");

        var state = JsonNode.Parse((await _world.Store.LoadAsync(new ConversationKey("test", "typed"), CancellationToken.None))!.Json)!;
        var entry = state["dialogStack"]![0]!["dialogs"]![0]!;
        Assert.Equal("flow", (string?)entry["id"]);
        var run = entry["state"]!["run"]!;
        Assert.Equal(("tam-tru-mini", "giay-to", 1), ((string?)run["flow"], (string?)run["step"], (int?)run["answers"]!["thue-nha"]));
        Assert.Null(entry["state"]!["mode"]);
        Assert.Equal(1, (int?)state["stackFormat"]);
    }

    [Fact]
    public async Task A_stack_saved_in_the_old_format_is_dropped_with_a_polite_word()
    {
        var key = new ConversationKey("test", "old");
        const string old = """
            {"analyticsId":"a1","dialogStack":[{"id":"root","state":{},"dialogs":[{"id":"flow","state":{"flow":"tam-tru-mini","step":"giay-to","mode":"answer","run":"r1","version":"v1","answers":{},"history":[]}}]}],"memory":{},"turnCount":3}
            """;
        await _world.Store.SaveAsync(key, new ConversationWrite(old, null, null), null, [], CancellationToken.None);
        var chat = _world.Chat("old");

        await chat.Say("xin chào");

        Assert.StartsWith("Mình vừa được nâng cấp nên không tiếp tục được cuộc trò chuyện trước. Mình bắt đầu lại nhé.\nXin chào!", chat.LastText);
        await chat.Say("đăng ký tạm trú");
        Assert.Equal("tam-tru-mini", Assert.Single(await chat.Events(), e => e.Kind == EventKinds.FlowStarted).FlowId);
    }

    [Fact]
    public async Task An_answer_to_the_step_while_the_switch_question_waits_answers_the_step()
    {
        var chat = _world.Chat("switch");
        await chat.Say("đăng ký tạm trú");
        await chat.Say("không đăng nhập được vneid");
        Assert.Contains("Bạn muốn chuyển sang hướng dẫn", chat.LastText);

        await chat.Say("Nhà thuê");

        Assert.StartsWith("Bạn cần chuẩn bị:", chat.LastText);
        var events = await chat.Events();
        Assert.Contains(events, e => e.Kind == EventKinds.StepAnswered && e.StepId == "thue-nha" && e.Property("choice") == "1");
        Assert.DoesNotContain(events, e => e.Kind is EventKinds.FlowReplaced or EventKinds.NotUnderstood);
    }

    [Fact]
    public async Task A_question_while_stuck_is_answered_and_the_stuck_help_asked_again()
    {
        var chat = _world.Chat("stuck");
        await chat.Say("đăng ký tạm trú");
        await chat.Say("Nhà thuê");
        await chat.Say("Tiếp tục");
        await chat.Say("Có rồi");
        await chat.Say("Bị vướng");
        var stuck = chat.LastText;
        Assert.Equal("Nếu mã QR hết hạn, hãy tải lại trang.", stuck);
        Assert.Equal(["Đã làm được", "Vẫn chưa được", "Trang đăng nhập"], chat.Buttons);

        await chat.Say("cảm ơn");
        Assert.Equal("Không có gì ạ! Mình tiếp tục hướng dẫn nhé.\n" + stuck, chat.LastText);
        Assert.Equal(["Đã làm được", "Vẫn chưa được", "Trang đăng nhập"], chat.Buttons);

        await chat.Say("Vẫn chưa được");
        Assert.StartsWith("Bước này khó, bạn không phải người duy nhất gặp.", chat.LastText);

        await chat.Say("Đã làm được");
        Assert.Equal("Bấm \"Nộp hồ sơ\".", chat.LastText);
    }

    [Fact]
    public async Task A_greeting_in_answer_to_the_resume_offer_is_greeted_and_the_offer_stands()
    {
        var chat = _world.Chat("back");
        await chat.Say("đăng ký tạm trú");
        await chat.Say("Nhà thuê");
        _world.Time.Advance(TimeSpan.FromHours(2));
        await chat.Say("alo");
        Assert.StartsWith("Lần trước bạn dừng ở bước \"Bạn cần chuẩn bị:\"", chat.LastText);

        await chat.Say("chào ad, mình quay lại rồi");
        Assert.StartsWith("Chào bạn! Lần trước bạn dừng ở bước", chat.LastText);
        Assert.Equal(["Tiếp tục", "Làm việc khác"], chat.Buttons);

        await chat.Say("Tiếp tục");
        Assert.StartsWith("Bạn cần chuẩn bị:", chat.LastText);
        Assert.DoesNotContain(await chat.Events(), e => e.Kind == EventKinds.FlowCancelled);
    }

    [Fact]
    public async Task Help_at_a_step_gives_the_steps_own_help()
    {
        var chat = _world.Chat("help");
        await chat.Say("đăng ký tạm trú");

        await chat.Say("giúp");

        Assert.Equal("Chọn nơi bạn đang ở.\nBạn ở nhà thuê, nhà người thân hay nhà của mình?", chat.LastText);
    }
}
