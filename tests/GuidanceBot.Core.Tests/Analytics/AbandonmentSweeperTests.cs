using GuidanceBot.Analytics;

namespace GuidanceBot.Tests.Analytics;

/// <summary>The sweep that records flow-abandoned, driven by a clock the test moves.</summary>
public sealed class AbandonmentSweeperTests : IDisposable
{
    private readonly AnalyticsWorld _world = new();

    [Fact]
    public async Task Abandoned_flow_is_reported_at_last_step_entered_only_after_the_timeout()
    {
        var chat = _world.Chat("a");
        await chat.Say("đăng ký tạm trú");
        await chat.Say("Nhà thuê");
        Assert.Contains("Bạn cần chuẩn bị", chat.LastText);

        _world.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, await _world.Sweeper().SweepAsync(CancellationToken.None));
        Assert.DoesNotContain(await _world.Events(), e => e.Kind == EventKinds.FlowAbandoned);

        _world.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await _world.Sweeper().SweepAsync(CancellationToken.None));

        var abandoned = Assert.Single(await _world.Events(), e => e.Kind == EventKinds.FlowAbandoned);
        Assert.Equal("tam-tru-mini", abandoned.FlowId);
        Assert.Equal("giay-to", abandoned.StepId);
        Assert.Equal("giay-to", abandoned.Property("lastMessageStep"));
        Assert.Equal("1860", abandoned.Property("idleSeconds"));
        Assert.Equal(_world.Time.Now, abandoned.Timestamp);
        var started = Assert.Single(await _world.Events(), e => e.Kind == EventKinds.FlowStarted);
        Assert.Equal(started.RunId, abandoned.RunId);
    }

    [Fact]
    public async Task Two_sweepers_racing_mark_each_run_abandoned_once()
    {
        for (var i = 0; i < 20; i++)
        {
            var chat = _world.Chat($"c{i}");
            await chat.Say("đăng ký tạm trú");
        }
        _world.Time.Advance(TimeSpan.FromHours(1));

        var counts = await Task.WhenAll(
            Task.Run(() => _world.Sweeper().SweepAsync(CancellationToken.None)),
            Task.Run(() => _world.Sweeper().SweepAsync(CancellationToken.None)));
        var again = await _world.Sweeper().SweepAsync(CancellationToken.None);

        Assert.Equal(20, counts.Sum());
        Assert.Equal(0, again);
        var abandoned = (await _world.Events()).Where(e => e.Kind == EventKinds.FlowAbandoned).ToList();
        Assert.Equal(20, abandoned.Count);
        Assert.Equal(20, abandoned.Select(e => e.RunId).Distinct().Count());
    }

    [Fact]
    public async Task A_called_flow_and_its_caller_are_both_abandoned_naming_their_own_steps()
    {
        var chat = _world.Chat("call");
        await chat.Say("đăng ký tạm trú");
        await chat.Say("Nhà thuê");
        await chat.Say("Tiếp tục");
        Assert.Contains("VNeID mức 2", chat.LastText);

        _world.Time.Advance(TimeSpan.FromMinutes(45));
        Assert.Equal(2, await _world.Sweeper().SweepAsync(CancellationToken.None));

        var abandoned = (await _world.Events()).Where(e => e.Kind == EventKinds.FlowAbandoned).ToList();
        Assert.Equal([("tam-tru-mini", "dang-nhap"), ("dang-nhap-mini", "co-tai-khoan")], abandoned.Select(e => (e.FlowId, e.StepId)));
        Assert.All(abandoned, e => Assert.Equal("co-tai-khoan", e.Property("lastMessageStep")));
    }

    [Fact]
    public async Task Completed_or_cancelled_conversations_are_not_abandoned()
    {
        var done = _world.Chat("done");
        await done.Say("đăng ký tạm trú");
        await done.Say("Nhà của mình"); // ends at khong-can, then asks "helpful?"
        var stopped = _world.Chat("stopped");
        await stopped.Say("đăng ký tạm trú");
        await stopped.Say("thoát");

        _world.Time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(0, await _world.Sweeper().SweepAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_run_resumed_after_abandonment_records_resumed_once_and_can_complete()
    {
        var chat = _world.Chat("back");
        await chat.Say("đăng ký tạm trú");
        await chat.Say("Nhà thuê");
        _world.Time.Advance(TimeSpan.FromHours(3));
        await _world.Sweeper().SweepAsync(CancellationToken.None);

        await chat.Say("xin chào");
        Assert.Contains("Lần trước bạn dừng ở bước", chat.LastText);
        await chat.Say("Tiếp tục");
        await chat.Say("Tiếp tục");
        await chat.Say("Có rồi");
        await chat.Say("Xong");
        await chat.Say("Xong");

        var events = await _world.Events();
        var resumed = Assert.Single(events, e => e.Kind == EventKinds.FlowResumed);
        Assert.Equal("abandoned", resumed.Property("after"));
        Assert.Equal("giay-to", resumed.StepId);
        Assert.Equal(["dang-nhap-mini", "tam-tru-mini"], events.Where(e => e.Kind == EventKinds.FlowCompleted).Select(e => e.FlowId));
        Assert.DoesNotContain(events, e => e.Kind is EventKinds.FlowCancelled);
    }

    [Fact]
    public async Task A_citizen_who_comes_back_to_an_abandoned_run_and_leaves_it_does_not_end_it_twice()
    {
        var chat = _world.Chat("other");
        await chat.Say("đăng ký tạm trú");
        _world.Time.Advance(TimeSpan.FromHours(3));
        await _world.Sweeper().SweepAsync(CancellationToken.None);

        await chat.Say("xin chào");
        await chat.Say("Làm việc khác");

        var events = await _world.Events();
        Assert.Single(events, e => e.Kind == EventKinds.FlowAbandoned);
        Assert.DoesNotContain(events, e => e.Kind is EventKinds.FlowCancelled or EventKinds.FlowResumed);
    }

    [Fact]
    public async Task A_turn_after_the_sweep_makes_the_conversation_sweepable_again()
    {
        var chat = _world.Chat("twice");
        await chat.Say("đăng ký tạm trú");
        _world.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await _world.Sweeper().SweepAsync(CancellationToken.None));

        await chat.Say("xin chào");
        await chat.Say("Tiếp tục");
        _world.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, await _world.Sweeper().SweepAsync(CancellationToken.None));
        var events = await _world.Events();
        Assert.Equal(2, events.Count(e => e.Kind == EventKinds.FlowAbandoned));
        Assert.Single(events, e => e.Kind == EventKinds.FlowResumed);
    }

    public void Dispose() => _world.Dispose();
}
