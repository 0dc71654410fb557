using GuidanceBot.Channels.Zalo;
using GuidanceBot.Diagnostics;
using GuidanceBot.Web.Channels.Queues;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>
/// Delivers queued Zalo replies (the claims, order and retries of every outbox, <see cref="OutboxWorker{TItem}"/>):
/// only within the customer-service window after the citizen's last message; quota errors wait the longest backoff.
/// </summary>
public sealed class ZaloOutboxWorker(IZaloOutbox outbox, ZaloWakeUps wakeUps, ZaloSender sender, IOptions<ZaloOptions> options, TimeProvider time,
    ILogger<ZaloOutboxWorker> logger, GuidanceBotMetrics metrics) : OutboxWorker<ZaloOutboxItem>(outbox, time, logger, metrics)
{
    protected override string Channel => "zalo";

    protected override DeliveryOptions Delivery => options.Value;

    protected override bool Enabled => options.Value.IsConfigured;

    protected override SemaphoreSlim Wake => wakeUps.Outbox;

    protected override async Task<(DeliveryResult Result, bool Attempted)> AttemptAsync(ZaloOutboxItem item, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (item.LastUserMessageAt is not { } last || Time.GetUtcNow() - last > o.CustomerServiceWindow)
        {
            return (DeliveryResult.Drop("outside-service-window"), false);
        }
        var result = await sender.SendAsync(item.UserId, item.Message, cancellationToken);
        return (result.Kind switch
        {
            ZaloSendKind.Sent => DeliveryResult.Sent,
            ZaloSendKind.Drop => DeliveryResult.Drop(result.Reason),
            ZaloSendKind.Quota => DeliveryResult.Retry(result.Reason, o.MaxBackoff),
            _ => DeliveryResult.Retry(result.Reason),
        }, true);
    }
}
