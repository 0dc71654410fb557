using GuidanceBot.Channels;
using GuidanceBot.Diagnostics;

namespace GuidanceBot.Web.Channels.Queues;

/// <summary>
/// Delivers what a channel's outbox holds: claims a batch of due rows with a lease, attempts them oldest first, and
/// records each outcome — sent, dropped with its reason, or due again after a growing backoff (or the wait the channel
/// asked for); after <see cref="DeliveryOptions.MaxSendAttempts"/> a row is given up with its last reason. A row whose
/// attempt failed holds back the later rows with its order key, so a conversation's replies never overtake each other.
/// Works on rows it has claimed, so any number of workers and instances can share one database.
/// </summary>
public abstract class OutboxWorker<TItem>(IOutbox<TItem> outbox, TimeProvider time, ILogger logger, GuidanceBotMetrics metrics)
    : QueueWorkerLoop(logger) where TItem : IOutboxItem
{
    private const int BatchSize = 20;

    protected TimeProvider Time { get; } = time;

    /// <summary>The channel's name in logs and on the send-errors metric, e.g. <c>zalo</c>.</summary>
    protected abstract string Channel { get; }

    protected abstract DeliveryOptions Delivery { get; }

    protected override TimeSpan Interval => Delivery.PollInterval;

    /// <summary>
    /// One delivery attempt of a claimed row. <paramref name="attempted"/> is false when the row was judged without
    /// calling the channel (e.g. outside a service window), so a drop is not counted as a send error.
    /// </summary>
    protected abstract Task<(DeliveryResult Result, bool Attempted)> AttemptAsync(TItem item, CancellationToken cancellationToken);

    /// <summary>Claims a batch of due rows and delivers it; returns how many rows it claimed.</summary>
    protected override async Task<int> RoundAsync(CancellationToken cancellationToken)
    {
        var lease = Delivery.SendLease;
        var claimedAt = Time.GetUtcNow();
        var claimed = await outbox.ClaimAsync(BatchSize, lease, cancellationToken);
        var done = 0;
        try
        {
            var held = new HashSet<string>(StringComparer.Ordinal);
            for (; done < claimed.Count; done++)
            {
                var item = claimed[done];
                // Past half the lease, the rest goes back: a send started now must end before another worker may take its row.
                if (Time.GetUtcNow() - claimedAt > lease / 2)
                {
                    break;
                }
                // A conversation whose earlier reply must wait gets nothing newer now: order matters in a conversation.
                if (held.Contains(item.OrderKey))
                {
                    await outbox.ReleaseAsync(item, cancellationToken);
                    continue;
                }
                if (!await DeliverAsync(item, cancellationToken))
                {
                    held.Add(item.OrderKey);
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

    /// <summary>One claimed row; false when it waits for a retry, so the later rows with its order key must wait too.</summary>
    private async Task<bool> DeliverAsync(TItem item, CancellationToken cancellationToken)
    {
        var o = Delivery;
        var (result, attempted) = await AttemptAsync(item, cancellationToken);
        if (attempted && result.Kind != DeliveryKind.Sent)
        {
            metrics.SendFailed(Channel, result.Reason);
        }
        switch (result.Kind)
        {
            case DeliveryKind.Sent:
                await outbox.SentAsync(item, cancellationToken);
                return true;
            case DeliveryKind.Drop:
                Logger.LogWarning("{Channel} reply {Id} dropped: {Reason}", Channel, item.Id, result.Reason);
                await outbox.DropAsync(item, result.Reason, cancellationToken);
                return true;
            default:
                if (item.Attempts + 1 >= o.MaxSendAttempts)
                {
                    Logger.LogWarning("{Channel} reply {Id} given up after {Attempts} attempts: {Reason}", Channel, item.Id, item.Attempts + 1, result.Reason);
                    await outbox.DropAsync(item, $"gave-up:{result.Reason}", cancellationToken);
                    return false;
                }
                var delay = result.Wait ?? o.Backoff(item.Attempts);
                await outbox.RetryLaterAsync(item, Time.GetUtcNow() + delay, result.Reason, cancellationToken);
                return false;
        }
    }
}
