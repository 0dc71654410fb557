using GuidanceBot.Analytics;
using GuidanceBot.Content;
using GuidanceBot.Tests.Analytics;
using GuidanceBot.Tests.Content;

namespace GuidanceBot.Tests.Bot;

/// <summary>
/// A called flow returns its outcome: the caller goes on to <c>next</c> after completed, to the step its <c>on:</c> names,
/// or ends with the same outcome (tam-tru-mini calls dang-nhap-mini: in-person → nop-truc-tiep, handed-off → end).
/// </summary>
public sealed class CallOutcomeTests : IDisposable
{
    private readonly AnalyticsWorld _world = new();

    public void Dispose() => _world.Dispose();

    private async Task<Conversation> AtTheLogin(string id)
    {
        var chat = _world.Chat(id);
        await chat.Say("đăng ký tạm trú");
        await chat.Say("Nhà thuê");
        await chat.Say("Tiếp tục");
        Assert.Contains("Bạn đã có tài khoản VNeID mức 2 chưa?", chat.LastText);
        return chat;
    }

    [Fact]
    public async Task After_a_completed_call_the_caller_goes_on_to_next()
    {
        var chat = await AtTheLogin("completed");

        await chat.Say("Có rồi");
        await chat.Say("Xong");

        Assert.Equal("Bấm \"Nộp hồ sơ\".", chat.LastText);
        var returned = Assert.Single(await chat.Events(), e => e.Kind == EventKinds.StepAnswered && e.StepId == "dang-nhap");
        Assert.Equal(("returned", "completed"), (returned.Property("answer"), returned.Property("outcome")));
    }

    [Fact]
    public async Task A_called_flow_that_hands_off_makes_the_caller_hand_off_instead_of_going_on()
    {
        var chat = await AtTheLogin("handed-off");

        await chat.Say("Tài khoản bị khóa");

        // The login guide's last word, then the one "helpful?" question of the procedure: never the next procedure step.
        Assert.Equal("Bạn gọi tổng đài 1900 0368 để mở khóa tài khoản.\nHướng dẫn này có giúp được bạn không?", chat.LastText);
        Assert.Equal(["Có, hữu ích", "Chưa giúp được"], chat.Buttons);
        var completed = (await chat.Events()).Where(e => e.Kind == EventKinds.FlowCompleted).ToList();
        Assert.Equal(2, completed.Count);
        Assert.Equal(("dang-nhap-mini", "goi-tong-dai", "handed-off", null), (completed[0].FlowId, completed[0].StepId, completed[0].Property("outcome"), completed[0].Property("via")));
        Assert.Equal(("tam-tru-mini", "dang-nhap", "handed-off", "dang-nhap-mini"), (completed[1].FlowId, completed[1].StepId, completed[1].Property("outcome"), completed[1].Property("via")));

        await chat.Say("Chưa giúp được");
        var helpful = Assert.Single(await chat.Events(), e => e.Kind == EventKinds.HelpfulAnswered);
        Assert.Equal("tam-tru-mini", helpful.FlowId);
    }

    [Fact]
    public async Task A_called_flow_that_ends_in_person_takes_the_caller_to_the_step_on_names()
    {
        var chat = await AtTheLogin("in-person");

        await chat.Say("Chưa có");

        Assert.StartsWith("Bạn cần đến công an xã để kích hoạt tài khoản mức 2.\nBạn mang giấy tờ ở trên đến công an xã để nộp trực tiếp.", chat.LastText);
        var events = await chat.Events();
        Assert.Contains(events, e => e.Kind == EventKinds.StepEntered && e.FlowId == "tam-tru-mini" && e.StepId == "nop-truc-tiep");
        var done = events.Last(e => e.Kind == EventKinds.FlowCompleted);
        Assert.Equal(("tam-tru-mini", "nop-truc-tiep", "in-person", null), (done.FlowId, done.StepId, done.Property("outcome"), done.Property("via")));
    }

    [Fact]
    public async Task An_outcome_passed_on_through_two_calls_ends_every_caller_the_same_way()
    {
        // tam-tru-mini → dang-nhap-mini → tong-dai; tong-dai hands off, and each caller says "end" for handed-off.
        var guide = FlowFixtures.Read(FlowFixtures.Guide).Edit(
            "    end: handed-off\n    say: { vi: \"Bạn gọi tổng đài 1900 0368 để mở khóa tài khoản.\", en: \"Call 1900 0368 to unlock your account.\" }",
            "    call: tong-dai\n    next: da-dang-nhap\n    on: { handed-off: end }");
        var helpdesk = """
            id: tong-dai
            topic: accounts
            title: { vi: "Gọi tổng đài", en: "Call the hotline" }
            source: { portal: vneid.gov.vn, url: "https://vneid.gov.vn/" }
            utterances:
              vi: ["gọi tổng đài", "số tổng đài", "hotline vneid", "tổng đài hỗ trợ", "gọi hỗ trợ", "liên hệ tổng đài", "số điện thoại hỗ trợ", "tổng đài 1900"]
              en: ["call the hotline", "hotline number", "vneid hotline", "support line", "call support", "contact the hotline", "support phone", "help desk"]
            start: goi
            steps:
              goi:
                end: handed-off
                say: { vi: "Gọi 1900 0368.", en: "Call 1900 0368." }
            """;
        var loaded = FlowLoader.LoadFiles([(FlowFixtures.Procedure, FlowFixtures.Read(FlowFixtures.Procedure)), (FlowFixtures.Guide, guide), ("tong-dai.yaml", helpdesk)]);
        Assert.True(loaded.Ok, string.Join("\n", loaded.Errors));
        var chat = new Conversation(RealBot.Create(catalog: loaded.Catalog), _world.Store, "two-calls", time: _world.Time);
        await chat.Say("đăng ký tạm trú");
        await chat.Say("Nhà thuê");
        await chat.Say("Tiếp tục");

        await chat.Say("Tài khoản bị khóa");

        Assert.Equal("Gọi 1900 0368.\nHướng dẫn này có giúp được bạn không?", chat.LastText);
        var completed = (await chat.Events()).Where(e => e.Kind == EventKinds.FlowCompleted).Select(e => (e.FlowId, e.StepId, e.Property("outcome"))).ToList();
        Assert.Equal([("tong-dai", "goi", "handed-off"), ("dang-nhap-mini", "goi-tong-dai", "handed-off"), ("tam-tru-mini", "dang-nhap", "handed-off")], completed);
    }

    [Fact]
    public async Task English_during_the_helpful_question_after_a_call_ended_the_run_asks_it_again()
    {
        var chat = await AtTheLogin("language");
        await chat.Say("Tài khoản bị khóa");

        await chat.Say("English");

        Assert.Equal("I will answer in English.\nWas this guide helpful?", chat.LastText);
        Assert.Equal(["Yes, helpful", "Not really"], chat.Buttons);
    }
}
