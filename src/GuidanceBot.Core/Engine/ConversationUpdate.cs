using System.Text.Json;
using GuidanceBot.Analytics;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.Engine;

/// <summary>What one attempt at changing a conversation decided: keep it as it is, or save <see cref="State"/> with <see cref="Events"/>.</summary>
public readonly record struct StateChange<T>(T Result, ConversationState? State = null, IReadOnlyList<AnalyticsEvent>? Events = null)
{
    public static StateChange<T> Keep(T result) => new(result);

    public static StateChange<T> Save(ConversationState state, IReadOnlyList<AnalyticsEvent> events, T result) => new(result, state, events);
}

/// <summary>How an update ended: <see cref="Settled"/> is false when every attempt lost the ETag race.</summary>
public readonly record struct UpdateOutcome<T>(bool Settled, T Result);

/// <summary>
/// The one load → change → save-with-ETag → retry loop. The turn engine, the abandonment sweep and reminders change a
/// conversation through it, so a writer that lost the race to another (an instance, a sweeper, a turn) re-decides on
/// the fresh state and nothing is lost or written twice.
/// </summary>
public static class ConversationUpdate
{
    /// <param name="change">Decides on the stored state (null when the conversation does not exist yet); may run several times.</param>
    public static async Task<UpdateOutcome<T>> UpdateAsync<T>(this IConversationStore store, ConversationKey key, int maxAttempts,
        Func<ConversationState?, CancellationToken, ValueTask<StateChange<T>>> change, ILogger logger, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            var stored = await store.LoadAsync(key, cancellationToken);
            var state = stored is null ? null : JsonSerializer.Deserialize(stored.Json, StateJson.Default.ConversationState)!;
            var decided = await change(state, cancellationToken);
            if (decided.State is not { } changed)
            {
                return new UpdateOutcome<T>(true, decided.Result);
            }
            var write = new ConversationWrite(
                JsonSerializer.Serialize(changed, StateJson.Default.ConversationState), changed.LastActivityAt, changed.AbandonSweptAt);
            if (await store.SaveAsync(key, write, stored?.ETag, decided.Events ?? [], cancellationToken) is not null)
            {
                return new UpdateOutcome<T>(true, decided.Result);
            }
            logger.LogInformation("ETag conflict on attempt {Attempt}; deciding again on the fresh state", attempt);
            // Two writers that keep colliding (two instances, each with turns queued for one conversation) would otherwise
            // retry in step; a short random pause, growing with the attempts, lets one of them through.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 4 << Math.Min(attempt, 4))), cancellationToken);
        }
        return new UpdateOutcome<T>(false, default!);
    }
}
