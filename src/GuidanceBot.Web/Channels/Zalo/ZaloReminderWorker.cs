using GuidanceBot.Bot;
using GuidanceBot.Channels.Zalo;
using GuidanceBot.Engine;
using GuidanceBot.Web.Channels.Queues;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>
/// Sends the reminders citizens asked for: a planned reminder that comes due is claimed (so one worker handles it),
/// checked against the conversation by <see cref="ResumeReminders"/> — still abandoned, still inside the
/// customer-service window — and then queued as a reply, postponed, or dropped with its reason.
/// </summary>
public sealed class ZaloReminderWorker(
    IZaloOutbox outbox, ZaloWakeUps wakeUps, ZaloEventMapper mapper, ResumeReminders reminders, IOptions<ZaloOptions> options, TimeProvider time, ILogger<ZaloReminderWorker> logger)
    : QueueWorkerLoop(logger)
{
    public const string OutsideServiceWindow = "outside-service-window";
    private const int BatchSize = 20;

    protected override bool Enabled => options.Value.IsConfigured && options.Value.Reminders.Enabled;

    protected override TimeSpan Interval => options.Value.Reminders.CheckEvery;

    protected override Task<int> RoundAsync(CancellationToken cancellationToken) => RemindDueAsync(cancellationToken);

    /// <summary>Handles the reminders that are due; returns how many it claimed.</summary>
    public async Task<int> RemindDueAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var claimed = await outbox.ClaimRemindersAsync(BatchSize, o.SendLease, cancellationToken);
        foreach (var item in claimed)
        {
            // Zalo counts the window from the citizen's last message; the outbox checks it again when it sends.
            var inWindow = item.LastUserMessageAt is { } last && time.GetUtcNow() - last < o.CustomerServiceWindow;
            var decision = await reminders.RemindAsync(
                new ConversationKey(ZaloEventMapper.ChannelId, mapper.ConversationId(item.UserId)), o.Reminders.After, inWindow ? null : OutsideServiceWindow, cancellationToken);
            switch (decision.Verdict)
            {
                case ResumeReminders.Verdict.Send:
                    var messages = ZaloMessageBuilder.Build(decision.Reminder!).Select(m => m.ToJsonString()).ToList();
                    await outbox.QueueReminderAsync(item, messages, ZaloMessageBuilder.Choices(decision.Reminder!), cancellationToken);
                    wakeUps.Outbox.Release();
                    logger.LogInformation("Zalo reminder {Id} queued", item.Id);
                    break;
                case ResumeReminders.Verdict.Wait:
                    await outbox.PostponeReminderAsync(item, decision.NotBefore!.Value, cancellationToken);
                    break;
                default:
                    await outbox.DropAsync(item, decision.Reason!, cancellationToken);
                    logger.LogInformation("Zalo reminder {Id} not sent: {Reason}", item.Id, decision.Reason);
                    break;
            }
        }
        return claimed.Count;
    }
}
