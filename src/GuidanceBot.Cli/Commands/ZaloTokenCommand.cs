using GuidanceBot.Storage;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.Cli.Commands;

/// <summary>
/// <c>zalo token set</c>: stores the first OA token pair from the Zalo console in the bot's database, where the web host
/// then rotates it. The tokens are read from standard input, never from arguments (which end up in shell history and ps).
/// </summary>
public static class ZaloTokenCommand
{
    public const string Usage = "usage: guidancebot zalo token set [--sqlite PATH] [--expires-in SECONDS]   (stdin: access token, then refresh token)";

    public static async Task<int> RunAsync(IReadOnlyList<string> positional, string sqlitePath, string? expiresIn, TextReader input, TextWriter output, TextWriter error)
    {
        if (positional is not ["token", "set"])
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var seconds = 90000L;   // Zalo's access tokens live 25 hours.
        if (expiresIn is not null && (!long.TryParse(expiresIn, out seconds) || seconds <= 0))
        {
            await error.WriteLineAsync("--expires-in must be a positive number of seconds.");
            return 2;
        }
        // Either two lines, or both on one line separated by whitespace.
        var words = (await input.ReadToEndAsync()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 2)
        {
            await error.WriteLineAsync("Expected two values on standard input: the access token, then the refresh token.");
            return 2;
        }

        // Opening the store runs the migrations that create zalo_tokens.
        string file;
        using (var store = new SqliteStore(sqlitePath))
        {
            file = store.FilePath;
        }
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = 30 }.ToString());
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow;
        await using (var spend = connection.CreateCommand())
        {
            spend.Transaction = transaction;
            spend.CommandText = "UPDATE zalo_tokens SET spent_at = $now WHERE spent_at IS NULL";
            spend.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            await spend.ExecuteNonQueryAsync();
        }
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO zalo_tokens(access_token, refresh_token, access_expires_at, created_at) VALUES($access, $refresh, $expires, $now)";
            insert.Parameters.AddWithValue("$access", words[0]);
            insert.Parameters.AddWithValue("$refresh", words[1]);
            insert.Parameters.AddWithValue("$expires", (now + TimeSpan.FromSeconds(seconds)).ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        await output.WriteLineAsync($"Stored the Zalo token pair in {file}; the access token expires {now.AddSeconds(seconds):u}.");
        return 0;
    }
}
