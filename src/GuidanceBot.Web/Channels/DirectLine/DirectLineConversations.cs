using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>
/// The Direct Line conversations this instance holds, in memory and bounded: beyond <see cref="DirectLineOptions.MaxConversations"/>
/// the least recently used are dropped (their dialog state stays in the conversation store; only the transcript goes).
/// </summary>
public sealed class DirectLineConversations(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options = options.Value;

    public int Count => _conversations.Count;

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public DirectLineConversation? Find(string id) => _conversations.GetValueOrDefault(id);

    /// <summary>
    /// The conversation a valid token names. Unknown here: created by a start (<paramref name="starting"/>), otherwise
    /// recreated empty after a restart or eviction, with watermarks continuing from the clock's milliseconds.
    /// </summary>
    public DirectLineConversation GetOrAdd(string id, string? userId, bool starting = false)
    {
        if (_conversations.TryGetValue(id, out var existing))
        {
            return existing;
        }
        var first = starting ? 0 : time.GetUtcNow().ToUnixTimeMilliseconds();
        var added = _conversations.GetOrAdd(id, key => new DirectLineConversation(key, userId, _options.MaxActivitiesPerConversation, first));
        if (_conversations.Count > _options.MaxConversations)
        {
            EvictLeastRecentlyUsed(added);
        }
        return added;
    }

    private void EvictLeastRecentlyUsed(DirectLineConversation keep)
    {
        var excess = _conversations.Count - _options.MaxConversations;
        if (excess <= 0)
        {
            return;
        }
        // Evict a tenth at a time so a full store does not scan on every new conversation.
        var victims = _conversations.Values
            .Where(c => c != keep && c.StreamCount == 0)
            .OrderBy(c => c.LastUsed)
            .Take(Math.Max(excess, _options.MaxConversations / 10));
        foreach (var victim in victims)
        {
            _conversations.TryRemove(victim.Id, out _);
        }
    }
}
