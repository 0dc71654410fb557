using GuidanceBot.Channels.Zalo;
using GuidanceBot.Diagnostics;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>
/// Delivers queued replies: only within the customer-service window after the citizen's last message, with growing
/// backoff after failures, and a reason recorded for every reply that is given up. Works on rows it has claimed, so
/// any number of workers and instances can share one database.
/// </summary>
public sealed class ZaloOutboxWorker(IZaloOutbox outbox, ZaloWakeUps wakeUps, ZaloSender sender, IOptions<ZaloOptions> options, TimeProvider time, ILogger<ZaloOutboxWorker> logger,
    GuidanceBotMetrics metrics) : ZaloWorkerLoop(logger)
{
    private const int BatchSize = 20;

    protected override bool Enabled => options.Value.IsConfigured;

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override SemaphoreSlim Wake => wakeUps.Outbox;

    protected override Task<int> RoundAsync(CancellationToken cancellationToken) => DeliverDueAsync(cancellationToken);

    /// <summary>Claims a batch of due replies and delivers it; returns how many rows it claimed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var claimedAt = time.GetUtcNow();
        var claimed = await outbox.ClaimAsync(BatchSize, o.SendLease, cancellationToken);
        var done = 0;
        try
        {
            var held = new HashSet<string>(StringComparer.Ordinal);
            for (; done < claimed.Count; done++)
            {
                var item = claimed[done];
                // Past half the lease, the rest goes back: a send started now must end before another worker may take its row.
                if (time.GetUtcNow() - claimedAt > o.SendLease / 2)
                {
                    break;
                }
                // A user whose earlier reply must wait gets nothing newer now: order matters in a conversation.
                if (held.Contains(item.UserId))
                {
                    await outbox.ReleaseAsync(item, cancellationToken);
                    continue;
                }
                if (!await DeliverAsync(item, cancellationToken))
                {
                    held.Add(item.UserId);
                }
            }
        }
        finally
        {
            // Rows not attempted (shutdown, or the lease running short) are due again at once, for any worker.
            foreach (var item in claimed.Skip(done))
            {
                await outbox.ReleaseAsync(item, CancellationToken.None);
            }
        }
        return claimed.Count;
    }

    /// <summary>One claimed reply; false when it waits for a retry, so the user's later replies must wait too.</summary>
    private async Task<bool> DeliverAsync(ZaloOutboxItem item, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        if (item.LastUserMessageAt is not { } last || now - last > o.CustomerServiceWindow)
        {
            await outbox.DropAsync(item, "outside-service-window", cancellationToken);
            return true;
        }
        var result = await sender.SendAsync(item.UserId, item.Message, cancellationToken);
        if (result.Kind != ZaloSendKind.Sent)
        {
            metrics.SendFailed("zalo", result.Reason);
        }
        switch (result.Kind)
        {
            case ZaloSendKind.Sent:
                await outbox.SentAsync(item, cancellationToken);
                return true;
            case ZaloSendKind.Drop:
                logger.LogWarning("Zalo reply {Id} dropped: {Reason}", item.Id, result.Reason);
                await outbox.DropAsync(item, result.Reason, cancellationToken);
                return true;
            default:
                if (item.Attempts + 1 >= o.MaxSendAttempts)
                {
                    logger.LogWarning("Zalo reply {Id} given up after {Attempts} attempts: {Reason}", item.Id, item.Attempts + 1, result.Reason);
                    await outbox.DropAsync(item, $"gave-up:{result.Reason}", cancellationToken);
                    return false;
                }
                var delay = result.Kind == ZaloSendKind.Quota ? o.MaxBackoff : Backoff(o, item.Attempts);
                await outbox.RetryLaterAsync(item, now + delay, result.Reason, cancellationToken);
                return false;
        }
    }

    private static TimeSpan Backoff(ZaloOptions o, int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(o.FirstBackoff.Ticks * factor, o.MaxBackoff.Ticks));
        // Jitter spreads a burst of retries after an outage.
        return delay * (0.8 + Random.Shared.NextDouble() * 0.4);
    }
}
