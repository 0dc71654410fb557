namespace GuidanceBot.Web.Channels.Queues;

/// <summary>What an outbox does with a row after one delivery attempt.</summary>
public enum DeliveryKind
{
    Sent,

    /// <summary>Will not succeed later either (refused, not allowed, gone): dropped with the reason.</summary>
    Drop,

    /// <summary>An outage, a timeout, a rate limit: tried again after a backoff, or after the wait the channel asked for.</summary>
    Retry,
}

/// <summary>The outcome of one delivery attempt, with a short reason that never contains message text or identifiers.</summary>
/// <param name="Wait">For <see cref="DeliveryKind.Retry"/>: how long the channel asked to wait (e.g. <c>Retry-After</c>); null for the outbox's backoff.</param>
public sealed record DeliveryResult(DeliveryKind Kind, string Reason, TimeSpan? Wait = null)
{
    public static DeliveryResult Sent { get; } = new(DeliveryKind.Sent, "sent");

    public static DeliveryResult Drop(string reason) => new(DeliveryKind.Drop, reason);

    public static DeliveryResult Retry(string reason, TimeSpan? wait = null) => new(DeliveryKind.Retry, reason, wait);
}
