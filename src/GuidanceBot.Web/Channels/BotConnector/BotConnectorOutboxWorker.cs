using GuidanceBot.Channels.BotConnector;
using GuidanceBot.Diagnostics;
using GuidanceBot.Web.Channels.Queues;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.BotConnector;

/// <summary>
/// Posts queued Bot Connector replies to their channels (the claims, order and retries of every outbox,
/// <see cref="OutboxWorker{TItem}"/>). Always running: without an app id it serves the Emulator on this machine.
/// </summary>
public sealed class BotConnectorOutboxWorker(IConnectorOutbox outbox, BotConnectorSender sender, IOptions<BotConnectorOptions> options, TimeProvider time,
    ILogger<BotConnectorOutboxWorker> logger, GuidanceBotMetrics metrics) : OutboxWorker<ConnectorOutboxItem>(outbox, time, logger, metrics)
{
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);

    /// <summary>The channel name in logs and on <c>guidancebot.send.errors</c>.</summary>
    public const string ChannelName = "bot-connector";

    protected override string Channel => ChannelName;

    protected override DeliveryOptions Delivery => options.Value;

    protected override bool Enabled => true;

    protected override SemaphoreSlim Wake => _wake;

    /// <summary>Starts the next round now: replies were queued in this process.</summary>
    public void Signal() => _wake.Release();

    protected override async Task<(DeliveryResult Result, bool Attempted)> AttemptAsync(ConnectorOutboxItem item, CancellationToken cancellationToken) =>
        (await sender.SendAsync(item, cancellationToken), true);

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
