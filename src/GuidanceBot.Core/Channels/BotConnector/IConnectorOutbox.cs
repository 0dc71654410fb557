using System.Security.Cryptography;
using System.Text;

namespace GuidanceBot.Channels.BotConnector;

/// <summary>
/// A reply to post to a Bot Framework channel: where (the <c>serviceUrl</c> the caller was allowed to name, the
/// conversation, the activity it answers) and what (the outgoing activity as JSON).
/// </summary>
public sealed record ConnectorReply(string ServiceUrl, string ConversationId, string? ReplyToId, string Activity)
{
    /// <summary>
    /// The key a conversation's replies are ordered by: a hash of the service URL and the conversation id, so the row
    /// that outlives a dropped reply names no conversation.
    /// </summary>
    public string OrderKey => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ServiceUrl}\n{ConversationId}")))[..32];
}

/// <summary>One queued reply, as a worker claimed it.</summary>
public sealed record ConnectorOutboxItem(long Id, string OrderKey, string ServiceUrl, string ConversationId, string? ReplyToId, string Activity, int Attempts)
    : IOutboxItem;

/// <summary>
/// The Bot Connector channel's replies on their way to each activity's <c>serviceUrl</c>. A delivered reply is deleted;
/// a dropped one keeps only its order key, times, attempts and reason — the activity and its address are cleared.
/// </summary>
public interface IConnectorOutbox : IOutbox<ConnectorOutboxItem>
{
    /// <summary>Queues one turn's replies, in order, in one transaction; returns once they are durable.</summary>
    Task AddAsync(IReadOnlyList<ConnectorReply> replies, CancellationToken cancellationToken);
}
