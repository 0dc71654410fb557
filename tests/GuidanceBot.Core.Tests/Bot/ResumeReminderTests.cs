using GuidanceBot.Activities;
using GuidanceBot.Analytics;
using GuidanceBot.Bot;
using GuidanceBot.Tests.Analytics;
using Microsoft.Extensions.Logging.Abstractions;

namespace GuidanceBot.Tests.Bot;

/// <summary>The opt-in reminder: asked once after the first checklist, sent once for an abandoned run, resumed by its button.</summary>
public sealed class ResumeReminderTests : IDisposable
{
    private static readonly TimeSpan After = TimeSpan.FromHours(2);
    private readonly AnalyticsWorld _world = new();

    public void Dispose() => _world.Dispose();

    private ResumeReminders Reminders() => new(_world.Store, () => AnalyticsWorld.Catalog, _world.Time, NullLogger<ResumeReminders>.Instance);

    /// <summary>A message from a channel that can send reminders.</summary>
    private static Task<IReadOnlyList<Activity>> Say(Conversation chat, string text) =>
        chat.Send(new Activity { Type = ActivityTypes.Message, Text = text, ChannelData = ResumeReminders.OfferedChannelData });

    private Task<ResumeReminders.Decision> Remind(string id, string? cannotSend = null) =>
        Reminders().RemindAsync(new GuidanceBot.Engine.ConversationKey("test", id), After, cannotSend, CancellationToken.None);

    private async Task<Conversation> OptedIn(string id)
    {
        var chat = _world.Chat(id);
        await Say(chat, "đăng ký tạm trú");
        await Say(chat, "Nhà thuê");
        await Say(chat, "Nhắc tôi tiếp tục sau");
        return chat;
    }

    private async Task<List<AnalyticsEvent>> Events(string kind) => (await _world.Events()).Where(e => e.Kind == kind).ToList();

    [Fact]
    public async Task The_question_follows_the_first_checklist_once_and_only_where_the_channel_can_remind()
    {
        var chat = _world.Chat("ask");
        await Say(chat, "đăng ký tạm trú");
        await Say(chat, "Nhà thuê");
        Assert.Contains("Bạn cần chuẩn bị", chat.LastReplies[0].Text);
        Assert.Contains("Nhắc bạn tiếp tục sau nhé?", chat.LastReplies[^1].Text);
        Assert.Equal(["Nhắc tôi tiếp tục sau", "Không cần nhắc"], chat.Buttons);

        // Back to the checklist: not asked again.
        await Say(chat, "quay lại");
        await Say(chat, "Nhà thuê");
        Assert.DoesNotContain(chat.LastReplies, r => r.Text!.Contains("Nhắc bạn", StringComparison.Ordinal));

        var web = _world.Chat("web");
        await web.Say("đăng ký tạm trú");
        await web.Say("Nhà thuê");
        Assert.DoesNotContain(web.LastReplies, r => r.Text!.Contains("Nhắc bạn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bare_yes_answers_the_step_not_the_question()
    {
        var chat = _world.Chat("yes");
        await Say(chat, "đăng ký tạm trú");
        await Say(chat, "Nhà thuê");

        await Say(chat, "có");

        Assert.DoesNotContain(await _world.Events(), e => e.Kind == EventKinds.ReminderAnswered);
        Assert.Contains(await _world.Events(), e => e.Kind == EventKinds.StepAnswered && e.StepId == "giay-to");
    }

    [Fact]
    public async Task Saying_yes_is_recorded_and_marks_the_reply_for_the_channel_and_the_step_stays_answerable()
    {
        var chat = await OptedIn("opt");

        Assert.Contains("nhắn nhắc bạn một lần", chat.LastText);
        Assert.True(ResumeReminders.IsRequested(chat.LastReplies[^1]));
        Assert.Contains("Tiếp tục", chat.Buttons);
        var answered = Assert.Single(await Events(EventKinds.ReminderAnswered));
        Assert.Equal("yes", answered.Property("remind"));
        Assert.Equal("giay-to", answered.StepId);
    }

    [Fact]
    public async Task An_abandoned_run_gets_one_reminder_whose_button_resumes_it_at_its_step()
    {
        var chat = await OptedIn("sent");

        _world.Time.Advance(TimeSpan.FromMinutes(40));
        var early = await Remind("sent");
        Assert.Equal(ResumeReminders.Verdict.Wait, early.Verdict);
        Assert.Equal(AnalyticsWorld.Start + After, early.NotBefore);

        _world.Time.Advance(TimeSpan.FromHours(2));
        // Idle long enough, but the sweep has not recorded the run abandoned yet.
        Assert.Equal(ResumeReminders.Verdict.Wait, (await Remind("sent")).Verdict);
        await _world.Sweeper().SweepAsync(CancellationToken.None);

        var decision = await Remind("sent");
        Assert.Equal(ResumeReminders.Verdict.Send, decision.Verdict);
        Assert.StartsWith("Như đã hẹn, mình nhắn nhắc bạn. Lần trước bạn dừng ở bước \"Bạn cần chuẩn bị:\"", decision.Reminder!.Text);
        Assert.Equal(["Tiếp tục", "Làm việc khác"], decision.Reminder.SuggestedActions!.Actions.Select(a => a.Title));
        // Asked again (a worker that crashed before queueing it): the same reminder, still one event.
        Assert.Equal(ResumeReminders.Verdict.Send, (await Remind("sent")).Verdict);
        var sent = Assert.Single(await Events(EventKinds.ReminderSent));
        Assert.Equal("giay-to", sent.StepId);

        await chat.Say("Tiếp tục");

        Assert.Contains("Bạn cần chuẩn bị", chat.LastText);
        var resumed = Assert.Single(await Events(EventKinds.ReminderResumed));
        Assert.Equal(sent.RunId, resumed.RunId);
        Assert.Equal("abandoned", Assert.Single(await Events(EventKinds.FlowResumed)).Property("after"));
        Assert.Equal(ResumeReminders.Verdict.Drop, (await Remind("sent")).Verdict);
    }

    [Fact]
    public async Task A_reminder_the_channel_cannot_send_is_dropped_and_recorded_with_the_reason()
    {
        await OptedIn("late");
        _world.Time.Advance(TimeSpan.FromHours(3));
        await _world.Sweeper().SweepAsync(CancellationToken.None);

        var decision = await Remind("late", "outside-service-window");

        Assert.Equal(new ResumeReminders.Decision(ResumeReminders.Verdict.Drop, Reason: "outside-service-window"), decision);
        Assert.Equal("outside-service-window", Assert.Single(await Events(EventKinds.ReminderSkipped)).Property("reason"));
        Assert.Empty(await Events(EventKinds.ReminderSent));
    }

    [Fact]
    public async Task No_reminder_for_a_citizen_who_said_no_or_finished()
    {
        var no = _world.Chat("no");
        await Say(no, "đăng ký tạm trú");
        await Say(no, "Nhà thuê");
        await Say(no, "Không cần nhắc");
        Assert.Equal("no", Assert.Single(await Events(EventKinds.ReminderAnswered)).Property("remind"));
        var cancelled = await OptedIn("cancelled");
        await cancelled.Say("thoát");

        _world.Time.Advance(TimeSpan.FromHours(3));
        await _world.Sweeper().SweepAsync(CancellationToken.None);

        Assert.Equal(ResumeReminders.Verdict.Drop, (await Remind("no")).Verdict);
        Assert.Equal(ResumeReminders.Verdict.Drop, (await Remind("cancelled")).Verdict);
        Assert.Empty(await Events(EventKinds.ReminderSent));
    }
}
