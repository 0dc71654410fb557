namespace GuidanceBot.Channels.Zalo;

/// <summary>A webhook event to queue: its de-duplication key and what the turn needs (no other personal field).</summary>
/// <param name="OpensServiceWindow">True when the event counts as the citizen's last message for Zalo's customer-service window.</param>
public sealed record ZaloInboxEntry(string Key, string EventName, string UserId, string? Text, bool OpensServiceWindow);

/// <summary>One queued webhook event, as a worker claimed it.</summary>
public sealed record ZaloInboxItem(string Key, string EventName, string UserId, string? Text, int Attempts);

/// <summary>
/// The Zalo channel's durable queue between the webhook and the turn engine (the channel owns this contract; the
/// storage projects implement it). Every instance may add and claim: an event key is queued once, and a citizen's
/// events are handed out one claimer at a time, in arrival order.
/// </summary>
public interface IZaloInbox
{
    /// <summary>
    /// Queues the event; false when an event with the same key was queued before. Returns once it is durable. An event
    /// from the citizen also records their last message time (the service window).
    /// </summary>
    Task<bool> AddAsync(ZaloInboxEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="limit"/> unprocessed events for <paramref name="lease"/>, oldest first. A citizen's
    /// event is claimed only while none of their earlier events is held by another claim, and a citizen's events are
    /// claimed together in order, so whichever instance claims them runs them in arrival order.
    /// </summary>
    Task<IReadOnlyList<ZaloInboxItem>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Closes a processed event and queues its replies in one transaction, so a crash leaves either both or neither.
    /// The citizen's text is cleared: only the key stays, to keep refusing duplicates.
    /// </summary>
    /// <param name="choices">The options of the turn's last question (to read a typed number back as the option), or null to forget them; unchanged when <paramref name="ranTurn"/> is false.</param>
    /// <param name="reminderDue">When the citizen asked for a reminder: when to first look at it (one planned reminder per user at a time).</param>
    Task CompleteAsync(ZaloInboxItem item, string outcome, IReadOnlyList<string> messages, bool ranTurn, IReadOnlyList<string>? choices,
        DateTimeOffset? reminderDue, CancellationToken cancellationToken);

    /// <summary>How many events are not processed yet (exported as the queue depth <c>zalo-inbox</c>).</summary>
    Task<long> CountPendingAsync(CancellationToken cancellationToken);

    /// <summary>The options last offered to the user, in order; empty when the last turn asked nothing with options.</summary>
    Task<IReadOnlyList<string>> ChoicesAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Counts a failed attempt and gives the event back; after <paramref name="maxAttempts"/> it is closed as failed so it cannot block the queue.</summary>
    Task FailedAsync(ZaloInboxItem item, int maxAttempts, CancellationToken cancellationToken);
}
