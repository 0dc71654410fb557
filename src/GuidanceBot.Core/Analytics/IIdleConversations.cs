using GuidanceBot.Engine;

namespace GuidanceBot.Analytics;

/// <summary>Finds conversations the abandonment sweep has not looked at since their last turn.</summary>
public interface IIdleConversations
{
    /// <summary>
    /// Conversations whose last turn was before <paramref name="idleSince"/> and which have not been swept
    /// since that turn (<see cref="ConversationState.AbandonSweptAt"/>), oldest first.
    /// </summary>
    Task<IReadOnlyList<ConversationKey>> FindIdleAsync(DateTimeOffset idleSince, int limit, CancellationToken cancellationToken);
}
