using GuidanceBot.Analytics;

namespace GuidanceBot.Engine;

/// <summary>A conversation's saved state and the ETag that guards it.</summary>
public sealed record StoredConversation(string Json, string ETag);

/// <summary>
/// A state to save: its JSON, and the two times the abandonment sweep selects conversations by (copied from the state,
/// so a store can index them without reading the JSON).
/// </summary>
public sealed record ConversationWrite(string Json, DateTimeOffset? LastActivityAt, DateTimeOffset? AbandonSweptAt);

/// <summary>Durable conversation state with optimistic concurrency. The engine's seam to the storage layer.</summary>
public interface IConversationStore
{
    Task<StoredConversation?> LoadAsync(ConversationKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the state and the turn's events in one transaction, if the stored ETag still equals
    /// <paramref name="expectedETag"/> (null: the conversation must not exist yet).
    /// Returns the new ETag, or null when another writer got there first; then nothing is written.
    /// </summary>
    Task<string?> SaveAsync(ConversationKey key, ConversationWrite state, string? expectedETag, IReadOnlyList<AnalyticsEvent> events,
        CancellationToken cancellationToken);
}
