using System.Text.Json;
using GuidanceBot.Analytics;
using GuidanceBot.Engine;

namespace GuidanceBot.Storage;

/// <summary>State and events in process memory, with the same ETag rules as the durable stores. For unit tests and the CLI's --memory.</summary>
public sealed class InMemoryStore : IConversationStore, IAnalyticsSink, IIdleConversations
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredConversation> _conversations = new();
    private readonly List<AnalyticsEvent> _events = new();

    public Task<StoredConversation?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_conversations.GetValueOrDefault(key));
        }
    }

    public Task<string?> SaveAsync(string key, string json, string? expectedETag, IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var current = _conversations.GetValueOrDefault(key);
            if (current?.ETag != expectedETag)
            {
                return Task.FromResult<string?>(null);
            }
            var etag = Guid.NewGuid().ToString("N");
            _conversations[key] = new StoredConversation(json, etag);
            _events.AddRange(events);
            return Task.FromResult<string?>(etag);
        }
    }

    public Task AppendAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _events.AddRange(events);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AnalyticsEvent>> ReadAsync(string? conversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<AnalyticsEvent> result = _events.Where(e => conversationId is null || e.ConversationId == conversationId).ToList();
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<string>> FindIdleAsync(DateTimeOffset idleSince, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<string> keys = _conversations
                .Select(kv => (kv.Key, State: JsonSerializer.Deserialize(kv.Value.Json, StateJson.Default.ConversationState)!))
                .Where(c => c.State.LastActivityAt < idleSince && (c.State.AbandonSweptAt is null || c.State.AbandonSweptAt < c.State.LastActivityAt))
                .OrderBy(c => c.State.LastActivityAt)
                .Take(limit)
                .Select(c => c.Key)
                .ToList();
            return Task.FromResult(keys);
        }
    }
}
