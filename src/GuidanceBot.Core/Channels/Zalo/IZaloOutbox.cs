namespace GuidanceBot.Channels.Zalo;

/// <summary>One queued reply: the OA API <c>message</c> object as JSON, for one user.</summary>
public sealed record ZaloOutboxItem(long Id, string UserId, string Message, int Attempts, DateTimeOffset? LastUserMessageAt);

/// <summary>
/// Replies waiting to be delivered, durable so they survive a restart or a Zalo outage. A row ends as <c>sent</c> or
/// <c>dropped</c> with a reason; nothing stays pending forever. Workers take rows by claiming them with a lease, so any
/// number of workers and instances never send the same row, and a user's replies go out in order. A reminder a
/// citizen asked for waits here too (no message yet) and is claimed the same way before it becomes a reply.
/// </summary>
public interface IZaloOutbox
{
    /// <summary>How many replies wait to be delivered, due or backing off (exported as the queue depth <c>zalo-outbox</c>).</summary>
    Task<long> CountPendingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Claims due replies, oldest first, until <paramref name="lease"/> from now (then a crashed worker's rows are taken
    /// again). A user's reply is claimed only when none of their earlier replies waits for a later retry or is in
    /// another worker's hands, and a user's due replies are claimed together, so a later reply never overtakes an earlier one.
    /// </summary>
    Task<IReadOnlyList<ZaloOutboxItem>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Claims planned reminders that are due, as <see cref="ClaimAsync"/> claims replies.</summary>
    Task<IReadOnlyList<ZaloOutboxItem>> ClaimRemindersAsync(int limit, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Turns a claimed reminder into replies to deliver now: the row itself takes the first message, so however many
    /// workers decided to send it, it is queued once. The reminder's buttons become the user's last choices.
    /// </summary>
    Task QueueReminderAsync(ZaloOutboxItem reminder, IReadOnlyList<string> messages, IReadOnlyList<string> choices, CancellationToken cancellationToken);

    /// <summary>Puts a claimed reminder back to wait until <paramref name="due"/>.</summary>
    Task PostponeReminderAsync(ZaloOutboxItem reminder, DateTimeOffset due, CancellationToken cancellationToken);

    // Each outcome below applies only to a row still claimed, so a late worker whose lease ran out cannot reopen a finished row.
    Task SentAsync(ZaloOutboxItem item, CancellationToken cancellationToken);

    Task DropAsync(ZaloOutboxItem item, string reason, CancellationToken cancellationToken);

    Task RetryLaterAsync(ZaloOutboxItem item, DateTimeOffset due, string reason, CancellationToken cancellationToken);

    /// <summary>Gives back a claimed row that was not attempted: it is due again at once, for any worker.</summary>
    Task ReleaseAsync(ZaloOutboxItem item, CancellationToken cancellationToken);

    /// <summary>Drops everything still pending or planned for a user, e.g. after they unfollowed.</summary>
    Task DropPendingAsync(string userId, string reason, CancellationToken cancellationToken);
}
