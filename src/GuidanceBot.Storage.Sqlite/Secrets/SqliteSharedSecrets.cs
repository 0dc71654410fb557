using GuidanceBot.Secrets;
using static GuidanceBot.Storage.Sqlite.SqliteDatabase;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>Generated secrets in <c>shared_secrets</c>: the first value kept under a name stays.</summary>
public sealed class SqliteSharedSecrets(SqliteDatabase database, TimeProvider time) : ISharedSecrets
{
    public async Task<SharedSecret> GetOrAddAsync(string name, string candidate, CancellationToken cancellationToken)
    {
        var added = await database.WriteAsync(
            "INSERT INTO shared_secrets(name, value, created_at) VALUES($name, $value, $now) ON CONFLICT(name) DO NOTHING",
            cancellationToken, ("$name", name), ("$value", candidate), ("$now", Ms(time.GetUtcNow())));
        var value = (string)(await database.ScalarAsync("SELECT value FROM shared_secrets WHERE name = $name", cancellationToken, ("$name", name)))!;
        return new SharedSecret(value, added == 1);
    }
}
