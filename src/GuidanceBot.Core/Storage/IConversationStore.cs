using GuidanceBot.Analytics;

namespace GuidanceBot.Storage;

/// <summary>A conversation's saved state and the ETag that guards it.</summary>
public sealed record StoredConversation(string Json, string ETag);

/// <summary>Durable conversation state with optimistic concurrency.</summary>
public interface IConversationStore
{
    Task<StoredConversation?> LoadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the state and the turn's events in one transaction, if the stored ETag still equals
    /// <paramref name="expectedETag"/> (null: the conversation must not exist yet).
    /// Returns the new ETag, or null when another writer got there first; then nothing is written.
    /// </summary>
    Task<string?> SaveAsync(string key, string json, string? expectedETag, IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken);
}
