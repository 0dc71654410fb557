using GuidanceBot.Activities;
using GuidanceBot.Channels.BotConnector;

namespace GuidanceBot.Web.Channels.BotConnector;

/// <summary>
/// Normal Bot Connector delivery: a turn's replies, addressed back into the caller's conversation, go into the durable
/// outbox before <c>/api/messages</c> answers, so a restart after the acknowledgement loses none; the worker posts them.
/// </summary>
public sealed class BotConnectorReplies(IConnectorOutbox outbox, BotConnectorOutboxWorker worker)
{
    /// <summary>Queues <paramref name="replies"/> to <paramref name="incoming"/> (whose serviceUrl was allowed), in order, and wakes the worker.</summary>
    /// <param name="incomingId">The id the channel gave the incoming activity (replies answer it); null when it had none.</param>
    public async Task QueueAsync(Activity incoming, string? incomingId, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        var serviceUrl = incoming.ServiceUrl!;
        var conversationId = incoming.Conversation!.Id!;
        var queued = replies.Select(reply => new ConnectorReply(serviceUrl, conversationId, incomingId,
            ActivityJson.Serialize(Addressed(reply, incoming, incomingId)))).ToList();
        await outbox.AddAsync(queued, cancellationToken);
        if (queued.Count > 0)
        {
            worker.Signal();
        }
    }

    /// <summary>
    /// The reply as the channel expects it: from the bot (the incoming recipient) to the user, in the incoming conversation
    /// as the channel described it (tenant, type …), answering the incoming activity; the channel gives it its id.
    /// </summary>
    private static Activity Addressed(Activity reply, Activity incoming, string? incomingId)
    {
        reply.Id = null;
        reply.ChannelId = incoming.ChannelId;
        reply.ServiceUrl = incoming.ServiceUrl;
        reply.From = incoming.Recipient ?? reply.From;
        reply.Recipient = incoming.From ?? reply.Recipient;
        reply.Conversation = incoming.Conversation;
        reply.ReplyToId = incomingId;
        return reply;
    }
}
