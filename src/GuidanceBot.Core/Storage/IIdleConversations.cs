namespace GuidanceBot.Storage;

/// <summary>Finds conversations the abandonment sweep has not looked at since their last turn.</summary>
public interface IIdleConversations
{
    /// <summary>
    /// Keys of conversations whose last turn was before <paramref name="idleSince"/> and which have not been swept
    /// since that turn (<see cref="Engine.ConversationState.AbandonSweptAt"/>), oldest first.
    /// </summary>
    Task<IReadOnlyList<string>> FindIdleAsync(DateTimeOffset idleSince, int limit, CancellationToken cancellationToken);
}
