namespace GuidanceBot.Web.Channels.Queues;

/// <summary>
/// How a channel's outbox delivers (<see cref="OutboxWorker{TItem}"/>): the settings every outbox has, under the
/// channel's own section (<c>GuidanceBot:Zalo</c>, <c>GuidanceBot:BotConnector</c>), each with the channel's defaults.
/// </summary>
public abstract class DeliveryOptions
{
    /// <summary>How often the background workers look for work when nothing signalled them.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of one HTTP attempt to the channel.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A reply still undelivered after this many attempts is dropped with its last reason.</summary>
    public int MaxSendAttempts { get; set; } = 10;

    /// <summary>First retry delay of the outbox; doubles on each attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a worker holds the replies it claimed; a crashed worker's replies are sent by another after this.
    /// A worker starts no send after half of it, so it must exceed twice the longest delivery (see <see cref="MinSendLease"/>).
    /// </summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Twice the longest one delivery can take, with the channel's token fetches and in-process retries.</summary>
    public abstract TimeSpan MinSendLease { get; }

    /// <summary>The growing wait before the next attempt after <paramref name="attempts"/> failed ones, with jitter.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstBackoff.Ticks * factor, MaxBackoff.Ticks));
        // Jitter spreads a burst of retries after an outage.
        return delay * (0.8 + Random.Shared.NextDouble() * 0.4);
    }
}
