using GuidanceBot.Secrets;

namespace GuidanceBot.Storage.Postgres;

/// <summary>Generated secrets in <c>shared_secrets</c>: the first value any instance keeps under a name stays.</summary>
public sealed class PostgresSharedSecrets(PostgresDatabase database, TimeProvider time) : ISharedSecrets
{
    public async Task<SharedSecret> GetOrAddAsync(string name, string candidate, CancellationToken cancellationToken)
    {
        var added = await database.ExecuteAsync(
            "INSERT INTO shared_secrets(name, value, created_at) VALUES(@name, @value, @now) ON CONFLICT (name) DO NOTHING",
            cancellationToken, ("name", name), ("value", candidate), ("now", time.GetUtcNow().ToUniversalTime()));
        // A statement of its own: it sees the row another instance committed while this insert waited for it.
        var value = (string)(await database.ScalarAsync("SELECT value FROM shared_secrets WHERE name = @name", cancellationToken, ("name", name)))!;
        return new SharedSecret(value, added == 1);
    }
}
