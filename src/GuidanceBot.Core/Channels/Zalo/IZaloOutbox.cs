namespace GuidanceBot.Channels.Zalo;

/// <summary>One queued reply: the OA API <c>message</c> object as JSON, for one user.</summary>
public sealed record ZaloOutboxItem(long Id, string UserId, string Message, int Attempts, DateTimeOffset? LastUserMessageAt) : IOutboxItem
{
    /// <summary>A user's replies go out in order.</summary>
    public string OrderKey => UserId;
}

/// <summary>
/// Zalo replies waiting to be delivered (see <see cref="IOutbox{TItem}"/>): delivered rows stay as <c>sent</c>,
/// given-up ones as <c>dropped</c> with a reason. A reminder a citizen asked for waits here too (no message yet) and is
/// claimed the same way before it becomes a reply.
/// </summary>
public interface IZaloOutbox : IOutbox<ZaloOutboxItem>
{
    /// <summary>Claims planned reminders that are due, as <see cref="IOutbox{TItem}.ClaimAsync"/> claims replies.</summary>
    Task<IReadOnlyList<ZaloOutboxItem>> ClaimRemindersAsync(int limit, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Turns a claimed reminder into replies to deliver now: the row itself takes the first message, so however many
    /// workers decided to send it, it is queued once. The reminder's buttons become the user's last choices.
    /// </summary>
    Task QueueReminderAsync(ZaloOutboxItem reminder, IReadOnlyList<string> messages, IReadOnlyList<string> choices, CancellationToken cancellationToken);

    /// <summary>Puts a claimed reminder back to wait until <paramref name="due"/>.</summary>
    Task PostponeReminderAsync(ZaloOutboxItem reminder, DateTimeOffset due, CancellationToken cancellationToken);

    /// <summary>Drops everything still pending or planned for a user, e.g. after they unfollowed.</summary>
    Task DropPendingAsync(string userId, string reason, CancellationToken cancellationToken);
}
