using System.Net;
using GuidanceBot.Analytics;

namespace GuidanceBot.Tests.Routing;

/// <summary>The router and flows through POST /api/messages, as a channel would drive them.</summary>
public sealed class RouterThroughApiTests : IAsyncLifetime
{
    private readonly TestHost _host = new() { Time = new FixedTime(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero)) };
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _host.CreateClient(new() { AllowAutoRedirect = false });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> StartedFlow(string conversation)
    {
        var started = (await _host.Events()).Where(e => e.Kind == EventKinds.FlowStarted).ToList();
        return started.Last().FlowId!;
    }

    [Theory]
    [InlineData("tôi muốn làm giấy khai sinh cho con", "khai-sinh")]
    [InlineData("dang ky tam tru", "tam-tru")]
    public async Task Free_text_starts_the_matching_flow(string text, string flow)
    {
        var replies = await _host.Send(_client, "c1", text);

        Assert.Equal(flow, await StartedFlow("c1"));
        Assert.NotEmpty(ApiMessages.Buttons(replies));
    }

    [Fact]
    public async Task Gap_can_bo_mid_flow_gives_the_hotline_and_records_a_handoff()
    {
        await _host.Send(_client, "c2", "tôi muốn làm giấy khai sinh cho con");
        await _host.Send(_client, "c2", "Bệnh viện, trạm y tế");

        var replies = await _host.Send(_client, "c2", "gặp cán bộ");

        Assert.Contains("1800 1096", ApiMessages.Texts(replies));
        var handoff = Assert.Single(await _host.Events(), e => e.Kind == EventKinds.HandedOff);
        Assert.Equal(("khai-sinh", "tuoi-be"), (handoff.FlowId, handoff.StepId));
    }

    [Fact]
    public async Task Quay_lai_goes_back_one_step()
    {
        var first = ApiMessages.Texts(await _host.Send(_client, "c3", "tôi muốn làm giấy khai sinh cho con"));
        var second = ApiMessages.Texts(await _host.Send(_client, "c3", "Bệnh viện, trạm y tế"));
        Assert.NotEqual(first, second);

        var back = await _host.Send(_client, "c3", "quay lại");

        // The first reply also named the flow; going back shows the step alone.
        Assert.Equal(first.Split('\n')[^1], ApiMessages.Texts(back));
        var entered = (await _host.Events()).Where(e => e.Kind == EventKinds.StepEntered && e.FlowId == "khai-sinh").Select(e => e.StepId);
        Assert.Equal(["noi-sinh", "tuoi-be", "noi-sinh"], entered);
    }

    [Fact]
    public async Task A_citizen_who_left_mid_flow_and_writes_again_is_offered_to_resume()
    {
        await _host.Send(_client, "c4", "đăng ký tạm trú");
        var question = ApiMessages.Texts(await _host.Send(_client, "c4", ApiMessages.Buttons(await _host.Send(_client, "c4", "giúp"))[0]));
        _host.Time!.Advance(TimeSpan.FromHours(5));

        var offer = await _host.Send(_client, "c4", "xin chào");

        Assert.Contains("Lần trước bạn dừng ở bước", ApiMessages.Texts(offer));
        Assert.Equal(["Tiếp tục", "Làm việc khác"], ApiMessages.Buttons(offer));

        var resumed = await _host.Send(_client, "c4", "Tiếp tục");
        Assert.Equal(question, ApiMessages.Texts(resumed));
        Assert.Contains(await _host.Events(), e => e.Kind == EventKinds.FlowResumed && e.FlowId == "tam-tru");
    }

    [Fact]
    public async Task Not_understood_gets_an_apology_closest_flows_and_a_redacted_event()
    {
        // Words no flow and no out-of-scope topic knows (a question about a cat is answered as out of scope).
        var replies = await _host.Send(_client, "c5", "tôi là Nguyễn Văn An, sđt 0912345678, xyzabc qwerty");

        Assert.Contains("Xin lỗi", ApiMessages.Texts(replies));
        Assert.InRange(ApiMessages.Buttons(replies).Count, 1, 5);
        var e = Assert.Single(await _host.Events(), e => e.Kind == EventKinds.NotUnderstood);
        Assert.DoesNotContain("0912345678", e.Property("text"));
        Assert.DoesNotContain("Nguyễn Văn An", e.Property("text"));
    }

    [Fact]
    public async Task A_portal_link_is_a_tracked_redirect()
    {
        var response = await _client.GetAsync("/go/khai-sinh-dvc?c=abc123&r=run1&ch=test");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://", response.Headers.Location!.ToString());
        var click = Assert.Single(await _host.Events(), e => e.Kind == EventKinds.LinkClicked);
        Assert.Equal(("abc123", "khai-sinh", "run1", "khai-sinh-dvc"), (click.ConversationId, click.FlowId, click.RunId, click.Property("link")));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/go/no-such-link")).StatusCode);
    }
}
