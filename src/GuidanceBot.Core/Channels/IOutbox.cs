namespace GuidanceBot.Channels;

/// <summary>A queued delivery as a worker claimed it: its row, the key its order is kept by, and the attempts made so far.</summary>
public interface IOutboxItem
{
    long Id { get; }

    /// <summary>Deliveries with the same key go out in the order they were queued (a Zalo user, a Bot Connector conversation).</summary>
    string OrderKey { get; }

    int Attempts { get; }
}

/// <summary>
/// Replies waiting to be delivered to a channel, durable so they survive a restart or an outage of the channel (each
/// channel owns its outbox's contract and extends this one; the storage projects implement them). A row ends delivered
/// or dropped with a reason; nothing stays pending forever. Workers take rows by claiming them with a lease, so any
/// number of workers and instances never deliver the same row twice, and rows with the same order key go out in order.
/// </summary>
public interface IOutbox<TItem> where TItem : IOutboxItem
{
    /// <summary>How many rows wait to be delivered, due or backing off (exported as the queue's depth).</summary>
    Task<long> CountPendingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Claims due rows, oldest first, until <paramref name="lease"/> from now (then a crashed worker's rows are taken
    /// again). A row is claimed only when no earlier row with its order key waits for a later retry or is in another
    /// worker's hands, and due rows with one order key are claimed together, so a later row never overtakes an earlier one.
    /// </summary>
    Task<IReadOnlyList<TItem>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken);

    // Each outcome below applies only to a row still claimed, so a late worker whose lease ran out cannot reopen a finished row.
    Task SentAsync(TItem item, CancellationToken cancellationToken);

    Task DropAsync(TItem item, string reason, CancellationToken cancellationToken);

    Task RetryLaterAsync(TItem item, DateTimeOffset due, string reason, CancellationToken cancellationToken);

    /// <summary>Gives back a claimed row that was not attempted: it is due again at once, for any worker.</summary>
    Task ReleaseAsync(TItem item, CancellationToken cancellationToken);
}
