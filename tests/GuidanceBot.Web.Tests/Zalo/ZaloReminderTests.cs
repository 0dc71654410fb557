using System.Net;
using System.Text.Json.Nodes;
using GuidanceBot.Analytics;
using GuidanceBot.Web.Channels.Zalo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GuidanceBot.Tests.Zalo;

/// <summary>The opt-in reminder over Zalo: one message with a resume button, only inside the service window.</summary>
public sealed class ZaloReminderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(7));
    private const string ReminderStart = "Như đã hẹn";
    private FakeZalo _fake = null!;
    private ZaloTestHost _host = null!;
    private int _msg;

    public async Task InitializeAsync()
    {
        _fake = await FakeZalo.StartAsync();
        _host = new ZaloTestHost(_fake, new FixedTime(Start), settings: s =>
        {
            s["GuidanceBot:Zalo:Reminders:Enabled"] = "true";
            s["GuidanceBot:Zalo:Reminders:After"] = "01:00:00";
            s["GuidanceBot:Zalo:Reminders:CheckEvery"] = "00:00:00.050";
        });
        await _host.SeedTokensAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private async Task<IReadOnlyList<JsonObject>> Text(string user, string text)
    {
        var before = _fake.To(user).Count;
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(ZaloTestHost.TextEvent(user, $"msg-{++_msg}", text, _host.Time.Now))).StatusCode);
        await Eventually.Until(() => _host.QueryAsync(
                "SELECT (SELECT COUNT(*) FROM zalo_inbox WHERE processed_at IS NULL) + (SELECT COUNT(*) FROM zalo_outbox WHERE status IN ('pending', 'sending'))"),
            rows => rows[0][0] == "0", "event processed and replies delivered");
        return _fake.To(user).Skip(before).ToList();
    }

    private static List<JsonObject> Buttons(JsonObject message) =>
        message["attachment"]?["payload"]?["buttons"]?.AsArray().Select(b => b!.AsObject()).ToList() ?? [];

    /// <summary>Starts tam-tru and reaches its checklist, where the question is asked; answers it with <paramref name="answer"/>.</summary>
    private async Task ReachChecklist(string user, string? answer)
    {
        await Text(user, "Đăng ký tạm trú");
        var replies = await Text(user, "Nhà thuê, phòng trọ");
        var question = replies[^1];
        Assert.Contains("Nhắc bạn tiếp tục sau nhé?", (string)question["text"]!);
        Assert.Equal(["Nhắc tôi tiếp tục sau", "Không cần nhắc"], Buttons(question).Select(b => (string)b["payload"]!));
        if (answer is not null)
        {
            await Text(user, answer);
        }
    }

    /// <summary>The citizen stays away: the sweep records the run abandoned, then the reminder's time comes.</summary>
    private async Task StayAway(TimeSpan total)
    {
        _host.Time.Advance(TimeSpan.FromMinutes(31));
        await _host.Get<AbandonmentSweeper>().SweepAsync(CancellationToken.None);
        _host.Time.Advance(total - TimeSpan.FromMinutes(31));
    }

    private Task<List<string?[]>> Reminders() =>
        _host.QueryAsync("SELECT status, reason FROM zalo_outbox WHERE status IN ('reminder', 'reminding') OR message LIKE '%" + ReminderStart + "%' OR reason IS NOT NULL AND reason NOT LIKE 'zalo-error%'");

    private async Task<List<AnalyticsEvent>> Events(string kind) => (await _host.Host.Events()).Where(e => e.Kind == kind).ToList();

    private IReadOnlyList<JsonObject> RemindersDelivered(string user) =>
        _fake.To(user).Where(m => ((string)m["text"]!).StartsWith(ReminderStart, StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task An_opted_in_abandoned_run_gets_exactly_one_reminder_whose_button_resumes_it()
    {
        const string user = "u-remind";
        await ReachChecklist(user, "Nhắc tôi tiếp tục sau");
        Assert.Equal([["reminder", null]], await Reminders());

        await StayAway(TimeSpan.FromMinutes(61));
        var reminder = (await Eventually.Until(() => RemindersDelivered(user), r => r.Count > 0, "the reminder delivered"))[0];
        // However often the workers look again, nothing more is sent.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, await _host.Get<IEnumerable<IHostedService>>().OfType<ZaloReminderWorker>().Single().RemindDueAsync(CancellationToken.None));
        }
        Assert.Single(RemindersDelivered(user));
        Assert.Contains("\"Bạn cần chuẩn bị:\" của hướng dẫn \"Đăng ký tạm trú\"", (string)reminder["text"]!);
        var resume = Buttons(reminder);
        Assert.Equal(["Tiếp tục", "Làm việc khác"], resume.Select(b => (string)b["payload"]!));
        Assert.All(resume, b => Assert.Equal("oa.query.show", (string)b["type"]!));
        var sent = Assert.Single(await Events(EventKinds.ReminderSent));
        Assert.Equal(ZaloEventMapper.ChannelId, sent.Channel);

        // The tap comes back as the button's payload: the run goes on at its step.
        var replies = await Text(user, (string)resume[0]["payload"]!);

        Assert.StartsWith("Bạn cần chuẩn bị:", (string)replies[0]["text"]!);
        var resumed = Assert.Single(await Events(EventKinds.ReminderResumed));
        Assert.Equal(sent.RunId, resumed.RunId);
        Assert.Equal("giay-to", resumed.StepId);
        Assert.Contains(await Events(EventKinds.FlowResumed), e => e.RunId == sent.RunId && e.Property("after") == "abandoned");
        Assert.DoesNotContain(await _host.Host.Events(), e => e.ConversationId.Contains(user, StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_reminder_without_a_yes()
    {
        await ReachChecklist("u-no", "Không cần nhắc");
        await ReachChecklist("u-silent", null);

        await StayAway(TimeSpan.FromHours(3));
        await _host.Get<IEnumerable<IHostedService>>().OfType<ZaloReminderWorker>().Single().RemindDueAsync(CancellationToken.None);

        Assert.Empty(await Reminders());
        Assert.Empty(RemindersDelivered("u-no"));
        Assert.Empty(RemindersDelivered("u-silent"));
        Assert.Empty(await Events(EventKinds.ReminderSent));
    }

    [Fact]
    public async Task Outside_the_service_window_no_reminder_is_sent_and_the_reason_is_recorded()
    {
        const string user = "u-late";
        await ReachChecklist(user, "Nhắc tôi tiếp tục sau");

        // The host was down past the window: when the reminder is looked at, it is too late.
        await StayAway(TimeSpan.FromHours(49));

        var rows = await Eventually.Until(Reminders, r => r.Count > 0 && r.All(x => x[0] == "dropped"), "the reminder dropped");
        Assert.Equal([["dropped", ZaloReminderWorker.OutsideServiceWindow]], rows);
        Assert.Empty(RemindersDelivered(user));
        Assert.Equal(ZaloReminderWorker.OutsideServiceWindow, Assert.Single(await Events(EventKinds.ReminderSkipped)).Property("reason"));
        Assert.Empty(await Events(EventKinds.ReminderSent));
    }

    [Fact]
    public async Task Several_workers_and_sweeps_racing_still_send_one_reminder()
    {
        const string user = "u-race";
        await ReachChecklist(user, "Nhắc tôi tiếp tục sau");
        _host.Time.Advance(TimeSpan.FromMinutes(31));
        var sweeper = _host.Get<AbandonmentSweeper>();
        await Task.WhenAll(Task.Run(() => sweeper.SweepAsync(CancellationToken.None)), Task.Run(() => sweeper.SweepAsync(CancellationToken.None)));
        var workers = Enumerable.Range(0, 4).Select(_ => ActivatorUtilities.CreateInstance<ZaloReminderWorker>(_host.Host.Services)).ToList();

        _host.Time.Advance(TimeSpan.FromMinutes(30));
        var claimed = await Task.WhenAll(workers.Select(w => Task.Run(() => w.RemindDueAsync(CancellationToken.None))));

        await Eventually.Until(() => RemindersDelivered(user), r => r.Count > 0, "the reminder delivered");
        await Eventually.Until(Reminders, r => r.All(x => x[0] == "sent"), "the reminder row sent");
        Assert.InRange(claimed.Sum(), 0, 1);   // the host's own worker may have been first
        Assert.Single(RemindersDelivered(user));
        Assert.Single(await Events(EventKinds.ReminderSent));
    }
}
