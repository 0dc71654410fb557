using System.Text.Json;
using GuidanceBot.Bot;
using GuidanceBot.Channels.Zalo;
using GuidanceBot.Engine;
using GuidanceBot.Web.Channels.Queues;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>
/// Takes webhook events from the inbox in arrival order, runs them through the turn engine and queues the replies in
/// Zalo's form. One event at a time keeps each citizen's turns in order.
/// </summary>
public sealed class ZaloInboxWorker(
    IZaloInbox inbox, IZaloOutbox outbox, ZaloWakeUps wakeUps, ZaloEventMapper mapper, TurnEngine engine, IOptions<ZaloOptions> options, TimeProvider time,
    ILogger<ZaloInboxWorker> logger)
    : QueueWorkerLoop(logger)
{
    private const int MaxAttempts = 5;

    protected override bool Enabled => options.Value.IsConfigured;

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override SemaphoreSlim Wake => wakeUps.Inbox;

    protected override async Task<int> RoundAsync(CancellationToken cancellationToken)
    {
        var pending = await inbox.ClaimAsync(50, options.Value.InboxLease, cancellationToken);
        foreach (var item in pending)
        {
            await ProcessAsync(item, cancellationToken);
        }
        return pending.Count;
    }

    private async Task ProcessAsync(ZaloInboxItem item, CancellationToken cancellationToken)
    {
        try
        {
            var turn = mapper.Map(item, await inbox.ChoicesAsync(item.UserId, cancellationToken));
            var messages = turn.Notices.Select(n => new System.Text.Json.Nodes.JsonObject { ["text"] = n }.ToJsonString()).ToList();
            IReadOnlyList<string>? choices = null;
            DateTimeOffset? reminderDue = null;
            if (turn.Activity is { } activity)
            {
                var replies = (await engine.ProcessAsync(activity, cancellationToken)).Where(r => r.IsMessage).ToList();
                messages.AddRange(replies.SelectMany(ZaloMessageBuilder.Build).Select(m => m.ToJsonString()));
                choices = replies.Select(ZaloMessageBuilder.Choices).LastOrDefault(c => c.Count > 0);
                if (options.Value.Reminders.Enabled && replies.Any(ResumeReminders.IsRequested))
                {
                    reminderDue = time.GetUtcNow() + options.Value.Reminders.After;
                }
            }
            if (item.EventName == "unfollow")
            {
                await outbox.DropPendingAsync(item.UserId, "unfollowed", cancellationToken);
            }
            await inbox.CompleteAsync(item, turn.Outcome, messages, turn.Activity is not null, choices, reminderDue, cancellationToken);
            if (messages.Count > 0)
            {
                wakeUps.Outbox.Release();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Zalo event {Event} failed (attempt {Attempt})", item.EventName, item.Attempts + 1);
            await inbox.FailedAsync(item, MaxAttempts, cancellationToken);
        }
    }
}
