namespace GuidanceBot.Channels.DirectLine;

/// <summary>
/// The Direct Line channel's transcript, shared by every instance: each conversation's activities in order, numbered
/// 1, 2, 3 … by the store (the number is the Direct Line watermark after that activity, and part of its id). Activities
/// are kept as the channel's JSON without an id; the channel adds the id when it sends them. Appends to one conversation
/// are numbered one after another whichever instance makes them, so every reader sees one order.
/// </summary>
public interface IDirectLineTranscript
{
    /// <summary>The conversation, or null when the store does not hold it (never started here, or removed when idle).</summary>
    Task<DirectLineConversationRecord?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the conversation if the store does not hold it and marks it started; true only for the one call that
    /// started it (a second start, on any instance, gets false: answer 200 and do not greet again). A conversation
    /// created here numbers its activities from 1.
    /// </summary>
    Task<bool> StartAsync(string conversationId, string? userId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends activities (JSON objects without an id) in order, as one step, and tells this instance's
    /// <see cref="IDirectLineNotifications"/> observers and, where there are others, every other instance. A conversation
    /// the store does not hold is created for <paramref name="userId"/>, numbering on from the clock's milliseconds so
    /// the new numbers (and ids) never repeat ones a client saw before it was removed. A conversation that goes over
    /// <paramref name="retention"/>'s count or byte bound loses its oldest activities until it is within nine tenths of
    /// both (<see cref="DirectLineRetention.TrimTo"/>), so a long conversation is trimmed now and then, not on every append.
    /// </summary>
    /// <returns>The number of the first appended activity; the last is that plus the count minus one.</returns>
    /// <exception cref="ArgumentException">An activity is larger than <see cref="DirectLineRetention.MaxActivityBytes"/> or is not a JSON object (nothing is stored).</exception>
    Task<long> AppendAsync(string conversationId, string? userId, IReadOnlyList<string> activities, DirectLineRetention retention,
        CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> activities numbered after <paramref name="after"/>, oldest first, and the conversation's last number (null when the store does not hold it).</summary>
    Task<DirectLinePage?> ReadAsync(string conversationId, long after, int max, CancellationToken cancellationToken);

    /// <summary>Removes conversations, with their activities, that nothing was appended to since <paramref name="idleSince"/>; returns how many.</summary>
    Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken);
}
