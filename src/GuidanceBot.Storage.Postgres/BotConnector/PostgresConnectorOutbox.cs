using GuidanceBot.Channels.BotConnector;
using Npgsql;

namespace GuidanceBot.Storage.Postgres;

/// <summary>
/// The Bot Connector outbox in <c>connector_outbox</c>, shared by every instance (claims and retries as every outbox
/// table, <see cref="PostgresOutboxTable"/>). A delivered row is deleted; a dropped one keeps its order key, times and
/// reason only.
/// </summary>
public sealed class PostgresConnectorOutbox(PostgresDatabase database, TimeProvider time) : IConnectorOutbox
{
    /// <summary>The advisory lock key of connector outbox claims ("GBconout").</summary>
    private const long ClaimLock = 0x4742636F6E6F7574;

    private readonly PostgresOutboxTable _table = new(database, time, "connector_outbox", "order_key", ClaimLock);

    public async Task AddAsync(IReadOnlyList<ConnectorReply> replies, CancellationToken cancellationToken)
    {
        if (replies.Count == 0)
        {
            return;
        }
        // One statement: the rows get their ids in the order of the arrays, so the turn's replies stay in order.
        await database.ExecuteAsync(
            "INSERT INTO connector_outbox(order_key, service_url, conversation_id, reply_to_id, activity, created_at, due_at) " +
            "SELECT k, u, c, r, a, @now, @now FROM unnest(@keys::text[], @urls::text[], @conversations::text[], @replyTo::text[], @activities::text[]) " +
            "WITH ORDINALITY AS t(k, u, c, r, a, n) ORDER BY n",
            cancellationToken,
            ("now", time.GetUtcNow().ToUniversalTime()),
            ("keys", replies.Select(r => r.OrderKey).ToArray()),
            ("urls", replies.Select(r => r.ServiceUrl).ToArray()),
            ("conversations", replies.Select(r => r.ConversationId).ToArray()),
            ("replyTo", replies.Select(r => r.ReplyToId).ToArray()),
            ("activities", replies.Select(r => r.Activity).ToArray()));
    }

    public Task<long> CountPendingAsync(CancellationToken cancellationToken) => _table.CountPendingAsync(cancellationToken);

    public Task<IReadOnlyList<ConnectorOutboxItem>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken) =>
        _table.ClaimAsync(limit, lease, "id, order_key, service_url, conversation_id, reply_to_id, activity, attempts", Read, i => i.Id, cancellationToken);

    public Task SentAsync(ConnectorOutboxItem item, CancellationToken cancellationToken) =>
        _table.ExecuteAsync("DELETE FROM connector_outbox WHERE order_key = @key AND id = @id AND status = 'sending'", item.OrderKey, item.Id, cancellationToken);

    public Task DropAsync(ConnectorOutboxItem item, string reason, CancellationToken cancellationToken) =>
        _table.ExecuteAsync(
            "UPDATE connector_outbox SET status = 'dropped', done_at = @now, reason = @reason, " +
            "service_url = NULL, conversation_id = NULL, reply_to_id = NULL, activity = NULL WHERE order_key = @key AND id = @id AND status = 'sending'",
            item.OrderKey, item.Id, cancellationToken, ("reason", reason));

    public Task RetryLaterAsync(ConnectorOutboxItem item, DateTimeOffset due, string reason, CancellationToken cancellationToken) =>
        _table.RetryLaterAsync(item.OrderKey, item.Id, due, reason, cancellationToken);

    public Task ReleaseAsync(ConnectorOutboxItem item, CancellationToken cancellationToken) => _table.ReleaseAsync(item.OrderKey, item.Id, cancellationToken);

    private static ConnectorOutboxItem Read(NpgsqlDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.GetInt32(6));
}
