using GuidanceBot.Engine;
using GuidanceBot.Privacy;
using Microsoft.Data.Sqlite;
using static GuidanceBot.Storage.Sqlite.SqliteDatabase;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>
/// Deletes a citizen's conversation state, Direct Line transcript and queue rows in one transaction, and what retention
/// no longer allows. The file runs with <c>secure_delete</c> (<see cref="SqliteConnections"/>), so deleted text is
/// overwritten, not left in free pages.
/// </summary>
public sealed class SqliteCitizenData(SqliteDatabase database) : ICitizenData
{
    public async Task<CitizenDataRemoved> ForgetAsync(string channel, string userId, IReadOnlyList<ConversationKey> conversations, CancellationToken cancellationToken)
    {
        using var writeTurn = await database.WriteTurnAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        await RunAsync(connection, transaction,
            "CREATE TEMP TABLE IF NOT EXISTS forget_keys(key TEXT PRIMARY KEY, conversation_id TEXT NOT NULL); DELETE FROM forget_keys; " +
            "INSERT OR IGNORE INTO forget_keys SELECT 'directline/' || conversation_id, conversation_id FROM directline_conversations " +
            "WHERE $channel = 'directline' AND user_id = $user", cancellationToken, ("$channel", channel), ("$user", userId));
        foreach (var key in conversations)
        {
            await RunAsync(connection, transaction, "INSERT OR IGNORE INTO forget_keys VALUES($key, $id)", cancellationToken,
                ("$key", $"{key.Channel}/{key.Id}"), ("$id", key.Id));
        }
        await RunAsync(connection, transaction,
            "DELETE FROM directline_activities WHERE conversation_id IN (SELECT conversation_id FROM forget_keys WHERE key LIKE 'directline/%')", cancellationToken);
        var transcripts = await RunAsync(connection, transaction,
            "DELETE FROM directline_conversations WHERE conversation_id IN (SELECT conversation_id FROM forget_keys WHERE key LIKE 'directline/%')", cancellationToken);
        var states = await RunAsync(connection, transaction, "DELETE FROM conversations WHERE key IN (SELECT key FROM forget_keys)", cancellationToken);
        var queued = await RunAsync(connection, transaction,
            "DELETE FROM connector_outbox WHERE conversation_id IN (SELECT conversation_id FROM forget_keys)", cancellationToken);
        if (channel == "zalo")
        {
            foreach (var table in new[] { "zalo_inbox", "zalo_outbox", "zalo_users" })
            {
                queued += await RunAsync(connection, transaction, $"DELETE FROM {table} WHERE user_id = $user", cancellationToken, ("$user", userId));
            }
        }
        transaction.Commit();
        return new CitizenDataRemoved(states, transcripts, queued);
    }

    public async Task<CitizenDataRemoved> RemoveUntouchedSinceAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        using var writeTurn = await database.WriteTurnAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        var states = await RunAsync(connection, transaction, 
            // The citizen's last turn when the state says it (active_at), else the last save.
            "DELETE FROM conversations WHERE COALESCE(active_at, updated_at) < $before", cancellationToken, ("$before", Ms(before)));
        await RunAsync(connection, transaction,
            "DELETE FROM directline_activities WHERE conversation_id IN (SELECT conversation_id FROM directline_conversations WHERE updated_at < $before)",
            cancellationToken, ("$before", Ms(before)));
        var transcripts = await RunAsync(connection, transaction, "DELETE FROM directline_conversations WHERE updated_at < $before", cancellationToken,
            ("$before", Ms(before)));
        transaction.Commit();
        return new CitizenDataRemoved(states, transcripts, 0);
    }

    private static async Task<int> RunAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        command.Transaction = transaction;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
