namespace GuidanceBot.Channels.DirectLine;

/// <summary>
/// Tells this instance when activities were appended to a transcript, by this instance or any other, so the instance
/// holding a conversation's WebSocket can send them. On one SQLite file every append is this process's own; on
/// PostgreSQL other instances' appends arrive through <c>LISTEN/NOTIFY</c>.
/// </summary>
public interface IDirectLineNotifications
{
    /// <summary>Starts telling <paramref name="observer"/>; dispose the answer to stop.</summary>
    IDisposable Subscribe(IDirectLineObserver observer);
}

/// <summary>What an instance is told about appends (see <see cref="IDirectLineNotifications"/>). Calls are quick: they must not wait on I/O.</summary>
public interface IDirectLineObserver
{
    /// <summary>Activities numbered up to <see cref="DirectLineAppended.LastSequence"/> were appended to a conversation.</summary>
    void Appended(DirectLineAppended appended);

    /// <summary>Notifications may have been lost (e.g. the database connection was re-opened): every reader should look at the transcript again.</summary>
    void MayHaveMissed();
}

/// <summary>
/// An append to a conversation: its numbers and, when this instance appended them, the activities' JSON in order
/// (null when another instance did: read them from the transcript).
/// </summary>
public sealed record DirectLineAppended(string ConversationId, long FirstSequence, long LastSequence, IReadOnlyList<string>? Activities);
