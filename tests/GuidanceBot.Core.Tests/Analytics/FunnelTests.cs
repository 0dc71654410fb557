using GuidanceBot.Analytics;

namespace GuidanceBot.Tests.Analytics;

/// <summary>Scripted conversations that end at known steps, and the exact funnel and report they produce.</summary>
public sealed class FunnelTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(10);
    private readonly AnalyticsWorld _world = new();

    private FunnelQuery Query() => new(new GuidanceBot.Storage.Sqlite.SqliteAnalyticsReader(_world.Database, TimeSpan.FromHours(7)), () => AnalyticsWorld.Catalog);

    /// <summary>Says each line, ten seconds apart.</summary>
    private async Task<Conversation> Script(string id, params string[] lines)
    {
        var chat = _world.Chat(id);
        foreach (var line in lines)
        {
            await chat.Say(line);
            _world.Time.Advance(Step);
        }
        return chat;
    }

    private async Task ScriptSixEndings()
    {
        await Script("completed", "đăng ký tạm trú", "Nhà thuê", "Tiếp tục", "Có rồi", "Xong", "Xong", "Có, hữu ích");
        await Script("cancelled", "đăng ký tạm trú", "Nhà thuê", "thoát");
        await Script("handed-off", "đăng ký tạm trú", "Nhà thuê", "Tiếp tục", "Có rồi", "Xong", "gặp cán bộ");
        await Script("replaced", "đăng ký tạm trú", "không đăng nhập được", "Có");
        await Script("abandoned", "đăng ký tạm trú", "Nhà thuê");
        await Script("resumed", "đăng ký tạm trú", "Nhà thuê", "Tiếp tục");
        _world.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(4, await _world.Sweeper().SweepAsync(CancellationToken.None)); // abandoned; resumed with its called flow; the flow replaced switched to
        await Script("resumed", "xin chào", "Tiếp tục", "Có rồi", "Xong", "Xong", "Chưa giúp được");
    }

    [Fact]
    public async Task Funnel_counts_each_run_once_by_how_it_ended_at_the_step_where_it_ended()
    {
        await ScriptSixEndings();

        var funnel = await Query().FunnelAsync("tam-tru-mini", new AnalyticsFilter(), CancellationToken.None);

        Assert.Equal(new FunnelRuns(Started: 6, Completed: 2, Abandoned: 1, Cancelled: 1, HandedOff: 1, Replaced: 1, InProgress: 0, ResumedAfterAbandoned: 1), funnel.Runs);
        Assert.Equal(0.3333, funnel.Conversion);
        Assert.Equal(2, funnel.Outcomes["completed"]);
        Assert.Equal(["thue-nha", "giay-to", "dang-nhap", "nop-ho-so", "xong", "khong-can", "nop-truc-tiep"], funnel.Steps.Select(s => s.Id));
        Assert.Equal([true, true, true, true, true, false, false], funnel.Steps.Select(s => s.MainPath));
        var byId = funnel.Steps.ToDictionary(s => s.Id);
        Assert.Equal((6L, 5L), (byId["thue-nha"].Entered, byId["thue-nha"].MovedOn));
        Assert.Equal(new FunnelEnded(0, 0, 0, 0, 1), byId["thue-nha"].Ended);
        Assert.Equal((5L, 3L), (byId["giay-to"].Entered, byId["giay-to"].MovedOn));
        Assert.Equal(new FunnelEnded(0, 1, 1, 0, 0), byId["giay-to"].Ended);
        Assert.Equal((3L, 3L), (byId["dang-nhap"].Entered, byId["dang-nhap"].MovedOn));
        Assert.Equal(1, byId["dang-nhap"].ResumedAfterAbandoned);
        Assert.Equal((3L, 2L), (byId["nop-ho-so"].Entered, byId["nop-ho-so"].MovedOn));
        Assert.Equal(new FunnelEnded(0, 0, 0, 1, 0), byId["nop-ho-so"].Ended);
        Assert.Equal((2L, 0L), (byId["xong"].Entered, byId["xong"].MovedOn));
        Assert.Equal(new FunnelEnded(2, 0, 0, 0, 0), byId["xong"].Ended);
        Assert.Equal(0, byId["khong-can"].Entered);
        // Each scripted answer comes ten seconds after the question; idle time around an abandonment is not counted.
        Assert.Equal(10, byId["thue-nha"].MedianSeconds);
        Assert.Equal(10, byId["giay-to"].MedianSeconds);
        Assert.Equal(20, byId["dang-nhap"].P90Seconds);

        var called = await Query().FunnelAsync("dang-nhap-mini", new AnalyticsFilter(), CancellationToken.None);
        Assert.Equal(new FunnelRuns(Started: 4, Completed: 3, Abandoned: 1, Cancelled: 0, HandedOff: 0, Replaced: 0, InProgress: 0, ResumedAfterAbandoned: 1), called.Runs);
    }

    [Fact]
    public async Task A_run_that_ends_because_its_called_flow_handed_off_counts_as_handed_off_at_the_call_step()
    {
        await Script("login-locked", "đăng ký tạm trú", "Nhà thuê", "Tiếp tục", "Tài khoản bị khóa", "Chưa giúp được");
        await Script("login-in-person", "đăng ký tạm trú", "Nhà thuê", "Tiếp tục", "Chưa có", "Có, hữu ích");

        var funnel = await Query().FunnelAsync("tam-tru-mini", new AnalyticsFilter(), CancellationToken.None);

        // Both runs end (flow-completed) with the outcome they ended with, never a silent "completed".
        Assert.Equal(new Dictionary<string, long> { ["handed-off"] = 1, ["in-person"] = 1 }, funnel.Outcomes);
        var byId = funnel.Steps.ToDictionary(s => s.Id);
        Assert.Equal((2L, 1L), (byId["dang-nhap"].Entered, byId["dang-nhap"].MovedOn));
        Assert.Equal(1, byId["dang-nhap"].Ended.Completed);
        Assert.Equal((1L, 0L), (byId["nop-truc-tiep"].Entered, byId["nop-truc-tiep"].MovedOn));
        Assert.Equal(0, byId["nop-ho-so"].Entered);
        var called = await Query().FunnelAsync("dang-nhap-mini", new AnalyticsFilter(), CancellationToken.None);
        Assert.Equal(new Dictionary<string, long> { ["handed-off"] = 1, ["in-person"] = 1 }, called.Outcomes);
    }

    [Fact]
    public async Task Report_lists_flows_worst_steps_helpful_share_and_not_understood_texts()
    {
        await ScriptSixEndings();
        await Script("lost", "con mèo của tôi tên là 0912345678", "đăng ký tạm trú", "Nhà thuê", "thoát");

        var report = await Query().ReportAsync(new AnalyticsFilter(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 26)), CancellationToken.None);

        var tamTru = report.Flows.Single(f => f.Flow == "tam-tru-mini");
        Assert.Equal((7L, 2L, 2L), (tamTru.Runs.Started, tamTru.Runs.Completed, tamTru.Runs.Cancelled));
        Assert.Equal((2L, 1L, 0.5), (tamTru.HelpfulAnswered, tamTru.HelpfulYes, tamTru.HelpfulShare));
        Assert.Equal(("tam-tru-mini", "giay-to", 3L), (report.WorstSteps[0].Flow, report.WorstSteps[0].Step, report.WorstSteps[0].Lost));
        Assert.Equal([("dang-nhap-mini", "co-tai-khoan", 1L), ("tam-tru-mini", "nop-ho-so", 1L)],
            report.WorstSteps.Skip(1).Select(s => (s.Flow, s.Step, s.Lost)));
        var text = Assert.Single(report.NotUnderstood);
        Assert.DoesNotContain("0912345678", text.Text);
        Assert.Equal(11, report.Totals.Started);
    }

    [Fact]
    public async Task Filters_by_day_channel_language_and_compares_versions()
    {
        await Script("vi", "đăng ký tạm trú", "Nhà thuê", "thoát");
        _world.Time.Advance(TimeSpan.FromDays(1));
        var english = _world.Chat("en", "en-US");
        await english.Say("register temporary residence");

        var query = Query();
        var firstDay = await query.FunnelAsync("tam-tru-mini", new AnalyticsFilter(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20)), CancellationToken.None);
        var english1 = await query.FunnelAsync("tam-tru-mini", new AnalyticsFilter(Language: "en"), CancellationToken.None);
        var otherChannel = await query.FunnelAsync("tam-tru-mini", new AnalyticsFilter(Channel: "zalo"), CancellationToken.None);
        var version = AnalyticsWorld.Catalog.Find("tam-tru-mini")!.ContentVersion;
        var compared = await query.CompareAsync("tam-tru-mini", new AnalyticsFilter(Version: version), "000000000000", CancellationToken.None);

        Assert.Equal((1L, 1L), (firstDay.Runs.Started, firstDay.Runs.Cancelled));
        Assert.Equal((1L, 1L), (english1.Runs.Started, english1.Runs.InProgress));
        Assert.Equal(0, otherChannel.Runs.Started);
        Assert.Equal(2, compared.Runs.Started);
        Assert.Equal(0, compared.Compare!.Runs.Started);
        Assert.Equal(compared.Steps.Select(s => s.Id), compared.Compare.Steps.Select(s => s.Id));
    }

    [Fact]
    public async Task Refresh_recomputes_only_days_with_new_events_and_keeps_earlier_days()
    {
        await Script("d1", "đăng ký tạm trú", "Nhà thuê");
        var query = Query();
        Assert.Equal(1, (await query.FunnelAsync("tam-tru-mini", new AnalyticsFilter(), CancellationToken.None)).Runs.InProgress);

        await Script("d1", "thoát");
        _world.Time.Advance(TimeSpan.FromDays(2));
        await Script("d3", "đăng ký tạm trú");

        var funnel = await query.FunnelAsync("tam-tru-mini", new AnalyticsFilter(), CancellationToken.None);
        Assert.Equal(new FunnelRuns(2, 0, 0, 1, 0, 0, 1, 0), funnel.Runs);
    }

    public void Dispose() => _world.Dispose();
}
