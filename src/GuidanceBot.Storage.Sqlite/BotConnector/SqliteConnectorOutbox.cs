using GuidanceBot.Channels.BotConnector;
using static GuidanceBot.Storage.Sqlite.SqliteDatabase;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>
/// The Bot Connector outbox in <c>connector_outbox</c> (claims and retries as every outbox table,
/// <see cref="SqliteOutboxTable"/>). A delivered row is deleted; a dropped one keeps its order key, times and reason only.
/// </summary>
public sealed class SqliteConnectorOutbox(SqliteDatabase db, TimeProvider time) : IConnectorOutbox
{
    private readonly SqliteOutboxTable _table = new(db, time, "connector_outbox", "order_key");

    public async Task AddAsync(IReadOnlyList<ConnectorReply> replies, CancellationToken cancellationToken)
    {
        if (replies.Count == 0)
        {
            return;
        }
        var now = Ms(time.GetUtcNow());
        using var writeTurn = await db.WriteTurnAsync(cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var reply in replies)
        {
            await using var insert = Command(connection,
                "INSERT INTO connector_outbox(order_key, service_url, conversation_id, reply_to_id, activity, created_at, due_at) " +
                "VALUES($key, $url, $conversation, $replyTo, $activity, $now, $now)",
                ("$key", reply.OrderKey), ("$url", reply.ServiceUrl), ("$conversation", reply.ConversationId), ("$replyTo", reply.ReplyToId),
                ("$activity", reply.Activity), ("$now", now));
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        transaction.Commit();
    }

    public Task<long> CountPendingAsync(CancellationToken cancellationToken) => _table.CountPendingAsync(cancellationToken);

    public Task<IReadOnlyList<ConnectorOutboxItem>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken) =>
        _table.ClaimAsync(limit, lease, "id, order_key, service_url, conversation_id, reply_to_id, activity, attempts",
            r => new ConnectorOutboxItem(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.GetInt32(6)),
            i => i.Id, cancellationToken);

    public Task SentAsync(ConnectorOutboxItem item, CancellationToken cancellationToken) =>
        _table.ExecuteAsync("DELETE FROM connector_outbox WHERE id = $id AND status = 'sending'", cancellationToken, ("$id", item.Id));

    public Task DropAsync(ConnectorOutboxItem item, string reason, CancellationToken cancellationToken) =>
        _table.ExecuteAsync(
            "UPDATE connector_outbox SET status = 'dropped', done_at = $now, reason = $reason, " +
            "service_url = NULL, conversation_id = NULL, reply_to_id = NULL, activity = NULL WHERE id = $id AND status = 'sending'",
            cancellationToken, ("$id", item.Id), ("$reason", reason));

    public Task RetryLaterAsync(ConnectorOutboxItem item, DateTimeOffset due, string reason, CancellationToken cancellationToken) =>
        _table.RetryLaterAsync(item.Id, due, reason, cancellationToken);

    public Task ReleaseAsync(ConnectorOutboxItem item, CancellationToken cancellationToken) => _table.ReleaseAsync(item.Id, cancellationToken);
}
