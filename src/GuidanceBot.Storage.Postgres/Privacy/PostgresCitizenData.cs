using GuidanceBot.Engine;
using GuidanceBot.Privacy;
using Npgsql;

namespace GuidanceBot.Storage.Postgres;

/// <summary>
/// Deletes a citizen's conversation state, Direct Line transcript and queue rows in one transaction, and what retention
/// no longer allows. Deleted rows stay in the table's pages until VACUUM reuses them (autovacuum runs by itself); the
/// Zalo inbox clears a message's text as soon as its turn has run.
/// </summary>
public sealed class PostgresCitizenData(PostgresDatabase database) : ICitizenData
{
    public async Task<CitizenDataRemoved> ForgetAsync(string channel, string userId, IReadOnlyList<ConversationKey> conversations, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var directLine = channel == "directline"
            ? (await ReadIdsAsync(connection, "SELECT conversation_id FROM directline_conversations WHERE user_id = @user", cancellationToken, ("user", userId)))
            : [];
        var keys = conversations.Concat(directLine.Select(id => new ConversationKey("directline", id))).Distinct().ToList();
        var transcriptIds = keys.Where(k => k.Channel == "directline").Select(k => k.Id).ToArray();
        var ids = keys.Select(k => k.Id).ToArray();
        var channels = keys.Select(k => k.Channel).ToArray();

        await RunAsync(connection, "DELETE FROM directline_activities WHERE conversation_id = ANY(@ids)", cancellationToken, ("ids", transcriptIds));
        var transcripts = await RunAsync(connection, "DELETE FROM directline_conversations WHERE conversation_id = ANY(@ids)", cancellationToken, ("ids", transcriptIds));
        var states = await RunAsync(connection,
            "DELETE FROM conversations c USING unnest(@ids, @channels) AS k(id, channel) WHERE c.conversation_id = k.id AND c.channel = k.channel",
            cancellationToken, ("ids", ids), ("channels", channels));
        var queued = await RunAsync(connection, "DELETE FROM connector_outbox WHERE conversation_id = ANY(@ids)", cancellationToken, ("ids", ids));
        if (channel == "zalo")
        {
            foreach (var table in new[] { "zalo_inbox", "zalo_outbox", "zalo_users" })
            {
                queued += await RunAsync(connection, $"DELETE FROM {table} WHERE user_id = @user", cancellationToken, ("user", userId));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new CitizenDataRemoved(states, transcripts, queued);
    }

    public async Task<CitizenDataRemoved> RemoveUntouchedSinceAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var states = await RunAsync(connection, 
            // The citizen's last turn when the engine gave it (active_at), else the last save.
            "DELETE FROM conversations WHERE COALESCE(active_at, updated_at) < @before", cancellationToken, ("before", before));
        await RunAsync(connection,
            "DELETE FROM directline_activities WHERE conversation_id IN (SELECT conversation_id FROM directline_conversations WHERE updated_at < @before)",
            cancellationToken, ("before", before));
        var transcripts = await RunAsync(connection, "DELETE FROM directline_conversations WHERE updated_at < @before", cancellationToken, ("before", before));
        await transaction.CommitAsync(cancellationToken);
        return new CitizenDataRemoved(states, transcripts, 0);
    }

    private static async Task<List<string>> ReadIdsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = PostgresDatabase.Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    private static async Task<int> RunAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = PostgresDatabase.Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
