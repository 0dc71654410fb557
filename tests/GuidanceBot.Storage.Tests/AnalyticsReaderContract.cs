using GuidanceBot.Analytics;
using GuidanceBot.Places;
using GuidanceBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests;

/// <summary>What every <see cref="IAnalyticsReader"/> promises: the same roll-ups and counts from the same events, refreshed incrementally.</summary>
public abstract class AnalyticsReaderContract(StorageProvider provider) : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero); // 09:00 on the 20th in Vietnam
    private readonly StorageUnderTest _storage = new(provider);

    public void Dispose() => _storage.Dispose();

    private IAnalyticsReader Reader => _storage.Get<IAnalyticsReader>();

    private static AnalyticsEvent E(string conversation, string run, string kind, DateTimeOffset at, string? step = null,
        Dictionary<string, string>? props = null, string channel = "zalo") =>
        new(conversation, channel, kind, at)
        {
            RunId = run, FlowId = "khai-sinh", ContentVersion = "v1", StepId = step, Language = "vi", Properties = props,
        };

    private static IReadOnlyList<AnalyticsEvent> CompletedRun(string conversation, string run, DateTimeOffset at) =>
    [
        E(conversation, run, EventKinds.FlowStarted, at),
        E(conversation, run, EventKinds.StepEntered, at, "noi-sinh"),
        E(conversation, run, EventKinds.StepEntered, at.AddSeconds(20), "giay-to"),
        E(conversation, run, EventKinds.LinkClicked, at.AddSeconds(25), "giay-to", new() { ["link"] = "portal" }),
        E(conversation, run, EventKinds.FlowCompleted, at.AddSeconds(40), "giay-to", new() { ["outcome"] = "completed" }),
        E(conversation, run, EventKinds.HelpfulAnswered, at.AddSeconds(50), null, new() { ["helpful"] = "yes" }),
    ];

    private static IReadOnlyList<AnalyticsEvent> AbandonedRun(string conversation, string run, DateTimeOffset at) =>
    [
        E(conversation, run, EventKinds.FlowStarted, at, channel: "webchat"),
        E(conversation, run, EventKinds.StepEntered, at, "noi-sinh", channel: "webchat"),
        E(conversation, run, EventKinds.NotUnderstood, at.AddSeconds(5), "noi-sinh", new() { ["text"] = "con mèo" }, channel: "webchat"),
        E(conversation, run, EventKinds.FlowAbandoned, at.AddMinutes(31), "noi-sinh", channel: "webchat"),
    ];

    [Fact]
    public async Task Runs_steps_outcomes_and_event_counts_come_out_of_the_roll_ups()
    {
        var sink = _storage.Get<IAnalyticsSink>();
        await sink.AppendAsync([.. CompletedRun("c1", "r1", T0), .. AbandonedRun("c2", "r2", T0.AddMinutes(1))], CancellationToken.None);
        await sink.AppendAsync([E("c3", "", EventKinds.NotUnderstood, T0, props: new() { ["text"] = "con mèo", ["offered"] = "khai-sinh,ket-hon" }) with { RunId = null, FlowId = null }],
            CancellationToken.None);

        Assert.Equal(11, await Reader.RefreshAsync(CancellationToken.None));
        var all = new AnalyticsFilter();

        var runs = Assert.Single(await Reader.RunTotalsAsync("khai-sinh", all, CancellationToken.None));
        Assert.Equal((2L, 1L, 1L), (runs.Started, runs.Completed, runs.Abandoned));
        var steps = (await Reader.StepTotalsAsync("khai-sinh", all, CancellationToken.None)).ToDictionary(s => s.StepId);
        Assert.Equal((2L, 1L, 1L), (steps["noi-sinh"].Entered, steps["noi-sinh"].MovedOn, steps["noi-sinh"].EndedAbandoned));
        Assert.Equal((1L, 0L, 1L), (steps["giay-to"].Entered, steps["giay-to"].MovedOn, steps["giay-to"].EndedCompleted));
        Assert.Equal(1L, Assert.Single(await Reader.StepSecondsAsync("khai-sinh", all, CancellationToken.None)).Runs);
        Assert.Equal(new KeyedCount("khai-sinh", "completed", 1), Assert.Single(await Reader.OutcomesAsync(null, all, CancellationToken.None)));
        Assert.Equal(new KeyedCount(null, "con mèo", 2), Assert.Single(await Reader.NotUnderstoodAsync(null, all, 10, CancellationToken.None)));
        var text = Assert.Single(await Reader.NotUnderstoodOffersAsync(all, 10, CancellationToken.None));
        Assert.Equal(("con mèo", 2L), (text.Text, text.Count));
        Assert.Equal(["ket-hon", "khai-sinh"], text.Offered);
        Assert.Equal(["khai-sinh"], text.InFlows);
        Assert.Equal(new KeyedCount("khai-sinh", "portal", 1), Assert.Single(await Reader.LinkClicksAsync(all, CancellationToken.None)));
        Assert.Equal(new HelpfulTotals("khai-sinh", 1, 1), Assert.Single(await Reader.HelpfulAsync(all, CancellationToken.None)));
        Assert.Equal(["v1"], await Reader.VersionsAsync("khai-sinh", CancellationToken.None));
    }

    [Fact]
    public async Task Filters_pick_days_in_the_reporting_time_zone_and_channels()
    {
        var sink = _storage.Get<IAnalyticsSink>();
        // 23:30 UTC on the 20th is the 21st in Vietnam (UTC+7).
        await sink.AppendAsync([.. CompletedRun("c1", "r1", T0), .. AbandonedRun("c2", "r2", new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.Zero))],
            CancellationToken.None);
        await Reader.RefreshAsync(CancellationToken.None);

        var on20th = new AnalyticsFilter(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20));
        var on21st = new AnalyticsFilter(new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 21));
        Assert.Equal((1L, 1L), Single(await Reader.RunTotalsAsync("khai-sinh", on20th, CancellationToken.None)));
        Assert.Equal((1L, 0L), Single(await Reader.RunTotalsAsync("khai-sinh", on21st, CancellationToken.None)));
        Assert.Equal((1L, 0L), Single(await Reader.RunTotalsAsync("khai-sinh", new AnalyticsFilter(Channel: "webchat"), CancellationToken.None)));
        Assert.Empty(await Reader.NotUnderstoodAsync(null, on20th, 10, CancellationToken.None));
        Assert.Single(await Reader.NotUnderstoodAsync(null, on21st, 10, CancellationToken.None));
    }

    /// <summary>A completed run whose citizen named <paramref name="commune"/> before it started (on flow-started) or during it (commune-known).</summary>
    private static IReadOnlyList<AnalyticsEvent> CompletedRunIn(string commune, string conversation, string run, DateTimeOffset at, bool named = false)
    {
        var events = CompletedRun(conversation, run, at).ToList();
        if (named)
        {
            events.Insert(2, E(conversation, run, EventKinds.CommuneKnown, at.AddSeconds(10), "noi-sinh", new() { ["commune"] = commune }));
        }
        else
        {
            events[0] = events[0] with { Properties = new Dictionary<string, string> { ["commune"] = commune } };
        }
        return events;
    }

    [Fact]
    public async Task Runs_are_rolled_up_by_the_commune_their_citizen_named_and_filtered_by_it()
    {
        var sink = _storage.Get<IAnalyticsSink>();
        await sink.AppendAsync([
            .. CompletedRunIn("phuong-hac-thanh", "c1", "r1", T0),
            .. CompletedRunIn("phuong-hac-thanh", "c2", "r2", T0, named: true),
            .. AbandonedRun("c3", "r3", T0),
            E("c3", "r3", EventKinds.CommuneKnown, T0.AddSeconds(3), "noi-sinh", new() { ["commune"] = "xa-thieu-quang" }, channel: "webchat"),
            .. CompletedRun("c4", "r4", T0),
        ], CancellationToken.None);
        await Reader.RefreshAsync(CancellationToken.None);

        var byCommune = (await Reader.CommuneTotalsAsync(null, new AnalyticsFilter(), CancellationToken.None)).ToDictionary(c => c.Commune);
        Assert.Equal(["", "phuong-hac-thanh", "xa-thieu-quang"], byCommune.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((2L, 2L, 0L), (byCommune["phuong-hac-thanh"].Started, byCommune["phuong-hac-thanh"].Completed, byCommune["phuong-hac-thanh"].Abandoned));
        Assert.Equal((1L, 0L, 1L), (byCommune["xa-thieu-quang"].Started, byCommune["xa-thieu-quang"].Completed, byCommune["xa-thieu-quang"].Abandoned));
        Assert.Equal(1L, byCommune[""].Started);
        Assert.Empty(await Reader.CommuneTotalsAsync("ket-hon", new AnalyticsFilter(), CancellationToken.None));

        var hacThanh = new AnalyticsFilter(Commune: "phuong-hac-thanh");
        Assert.Equal((2L, 2L), Single(await Reader.RunTotalsAsync("khai-sinh", hacThanh, CancellationToken.None)));
        var steps = (await Reader.StepTotalsAsync("khai-sinh", new AnalyticsFilter(Commune: "xa-thieu-quang"), CancellationToken.None)).ToDictionary(s => s.StepId);
        Assert.Equal((1L, 1L), (steps["noi-sinh"].Entered, steps["noi-sinh"].EndedAbandoned));
        Assert.False(steps.ContainsKey("giay-to"));
        Assert.Equal(2L, Assert.Single(await Reader.OutcomesAsync("khai-sinh", hacThanh, CancellationToken.None)).Count);
        // All runs are still counted once without the filter.
        Assert.Equal((4L, 3L), Single(await Reader.RunTotalsAsync("khai-sinh", new AnalyticsFilter(), CancellationToken.None)));
    }

    [Fact]
    public async Task Figures_by_commune_hide_small_communes_and_any_that_subtraction_would_give_away()
    {
        var sink = _storage.Get<IAnalyticsSink>();
        var events = new List<AnalyticsEvent>();
        var n = 0;
        foreach (var (commune, runs) in new[] { ("phuong-hac-thanh", 6), ("xa-thieu-quang", 3), ("phuong-ham-rong", 1) })
        {
            for (var i = 0; i < runs; i++, n++)
            {
                events.AddRange(CompletedRunIn(commune, $"c{n}", $"r{n}", T0.AddMinutes(n)));
            }
        }
        await sink.AppendAsync(events, CancellationToken.None);
        var places = PlaceLoader.LoadProvince(GuidanceBotServices.FindDialogsDirectory(AppContext.BaseDirectory), "thanh-hoa");
        var query = new CommuneQuery(Reader, places, minRuns: 3);

        var report = await query.CommunesAsync("khai-sinh", new AnalyticsFilter(), CancellationToken.None);

        Assert.Equal(places.Communes.Count, report.Communes.Count);
        var first = report.Communes[0];
        Assert.Equal(("phuong-hac-thanh", "phường Hạc Thành", "phuong", 6L, 1.0), (first.Id, first.Name, first.Kind, first.Runs.Started.Value!.Value, first.Conversion!.Value));
        // Hàm Rồng has 1 run: hidden. Hidden alone, its run would be the flow's total minus the shown communes, so the
        // smallest shown one (Thiệu Quang, 3 runs) is hidden too.
        Assert.Equal(["phuong-hac-thanh"], report.Communes.Where(c => !c.Hidden).Select(c => c.Id));
        var thieuQuang = report.Communes.Single(c => c.Id == "xa-thieu-quang");
        Assert.Equal(("< 3", "< 3", null), (thieuQuang.Runs.Started.ToString(), thieuQuang.Runs.Completed.ToString(), thieuQuang.Conversion));
        Assert.True(report.Communes.Single(c => c.Id == "xa-dong-tien").Hidden); // no runs reads "< 3" too, not 0
        Assert.True(await query.ShowsAsync("khai-sinh", new AnalyticsFilter(Commune: "phuong-hac-thanh"), CancellationToken.None));
        Assert.False(await query.ShowsAsync("khai-sinh", new AnalyticsFilter(Commune: "xa-thieu-quang"), CancellationToken.None));
        Assert.False(await query.ShowsAsync("khai-sinh", new AnalyticsFilter(Commune: "phuong-ham-rong"), CancellationToken.None));
    }

    private static (long Started, long Completed) Single(IReadOnlyList<RunTotals> totals) => (Assert.Single(totals).Started, totals[0].Completed);

    [Fact]
    public async Task Events_written_after_a_refresh_by_another_instance_are_folded_in_by_the_next()
    {
        await _storage.Get<IAnalyticsSink>().AppendAsync(CompletedRun("c1", "r1", T0), CancellationToken.None);
        await Reader.RefreshAsync(CancellationToken.None);
        using var second = _storage.SecondInstance();

        // The same run ends later (a resumed conversation) and a new run starts, both written by the other instance.
        await second.GetRequiredService<IAnalyticsSink>().AppendAsync(AbandonedRun("c2", "r2", T0.AddHours(2)), CancellationToken.None);
        Assert.Equal(4, await Reader.RefreshAsync(CancellationToken.None));
        Assert.Equal(0, await Reader.RefreshAsync(CancellationToken.None));

        var runs = Assert.Single(await Reader.RunTotalsAsync(null, new AnalyticsFilter(), CancellationToken.None));
        Assert.Equal((2L, 1L, 1L), (runs.Started, runs.Completed, runs.Abandoned));
    }
}

public sealed class SqliteAnalyticsReaderContract() : AnalyticsReaderContract(StorageProvider.Sqlite);

public sealed class PostgresAnalyticsReaderContract() : AnalyticsReaderContract(StorageProvider.Postgres);
