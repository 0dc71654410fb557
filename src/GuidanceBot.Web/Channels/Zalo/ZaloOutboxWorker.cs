using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>
/// Delivers queued replies: only within the customer-service window after the citizen's last message, with growing
/// backoff after failures, and a reason recorded for every reply that is given up.
/// </summary>
public sealed class ZaloOutboxWorker(ZaloOutbox outbox, ZaloSender sender, IOptions<ZaloOptions> options, TimeProvider time, ILogger<ZaloOutboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsConfigured)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await outbox.DueAsync(20, stoppingToken);
                await DeliverAsync(due, stoppingToken);
                if (due.Count == 0)
                {
                    await outbox.Queued.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Zalo outbox worker failed; retrying");
                await Task.Delay(options.Value.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One pass over the due replies.</summary>
    public async Task DeliverAsync(IReadOnlyList<ZaloOutboxItem> due, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in due)
        {
            // A user whose earlier reply is waiting gets nothing newer in this pass: order matters in a conversation.
            if (held.Contains(item.UserId))
            {
                continue;
            }
            var now = time.GetUtcNow();
            if (item.LastUserMessageAt is not { } last || now - last > o.CustomerServiceWindow)
            {
                await outbox.DropAsync(item, "outside-service-window", cancellationToken);
                continue;
            }
            var result = await sender.SendAsync(item.UserId, item.Message, cancellationToken);
            switch (result.Kind)
            {
                case ZaloSendKind.Sent:
                    await outbox.SentAsync(item, cancellationToken);
                    break;
                case ZaloSendKind.Drop:
                    logger.LogWarning("Zalo reply {Id} dropped: {Reason}", item.Id, result.Reason);
                    await outbox.DropAsync(item, result.Reason, cancellationToken);
                    break;
                default:
                    held.Add(item.UserId);
                    if (item.Attempts + 1 >= o.MaxSendAttempts)
                    {
                        logger.LogWarning("Zalo reply {Id} given up after {Attempts} attempts: {Reason}", item.Id, item.Attempts + 1, result.Reason);
                        await outbox.DropAsync(item, $"gave-up:{result.Reason}", cancellationToken);
                        break;
                    }
                    var delay = result.Kind == ZaloSendKind.Quota ? o.MaxBackoff : Backoff(o, item.Attempts);
                    await outbox.RetryLaterAsync(item, now + delay, result.Reason, cancellationToken);
                    break;
            }
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
