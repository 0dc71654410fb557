using GuidanceBot.Staff;
using static GuidanceBot.Storage.Postgres.PostgresDatabase;

namespace GuidanceBot.Storage.Postgres;

/// <summary>
/// Staff accounts in <c>staff_accounts</c> (names compared in lower case through a unique index). Each call is one short
/// statement on the shared pool, never inside a transaction that waits for a password hash.
/// </summary>
public sealed class PostgresStaffAccountStore(PostgresDatabase database) : IStaffAccountStore
{
    public async Task<bool> AddOrResetAsync(string name, string role, string passwordHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        (bool)(await database.ScalarAsync(
            "INSERT INTO staff_accounts(name, role, password_hash, failed_sign_ins, locked_until, created_at) VALUES(@name, @role, @hash, 0, NULL, @now) " +
            "ON CONFLICT (lower(name)) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash, failed_sign_ins = 0, locked_until = NULL " +
            "RETURNING xmax = 0",
            cancellationToken, ("name", name), ("role", role), ("hash", passwordHash), ("now", now.ToUniversalTime())))!;

    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("DELETE FROM staff_accounts WHERE lower(name) = lower(@name)", cancellationToken, ("name", name)) > 0;

    public Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken) =>
        database.QueryAsync("SELECT name, role, failed_sign_ins, locked_until, created_at FROM staff_accounts ORDER BY lower(name)",
            r => new StaffAccount(r.GetString(0), r.GetString(1), r.GetInt32(2), At(r, 3), At(r, 4)!.Value), cancellationToken);

    public async Task<string?> RoleOfAsync(string name, CancellationToken cancellationToken) =>
        await database.ScalarAsync("SELECT role FROM staff_accounts WHERE lower(name) = lower(@name)", cancellationToken, ("name", name)) as string;

    public async Task<StaffCredentials?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await database.QueryAsync(
            "SELECT name, role, password_hash, failed_sign_ins, locked_until FROM staff_accounts WHERE lower(name) = lower(@name)",
            r => new StaffCredentials(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), At(r, 4)), cancellationToken, ("name", name)))
        .SingleOrDefault();

    public async Task<DateTimeOffset?> CountFailureAsync(string name, int maxFailed, DateTimeOffset lockUntil, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // The row lock of the UPDATE serialises failures arriving at once, so each one counts.
        await database.ExecuteAsync(
            "UPDATE staff_accounts SET " +
            "locked_until = CASE WHEN failed_sign_ins + 1 >= @max THEN @until ELSE locked_until END, " +
            "failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= @max THEN 0 ELSE failed_sign_ins + 1 END " +
            "WHERE lower(name) = lower(@name) AND (locked_until IS NULL OR locked_until <= @now)",
            cancellationToken, ("name", name), ("max", maxFailed), ("until", lockUntil.ToUniversalTime()), ("now", now.ToUniversalTime()));
        var until = (await database.QueryAsync("SELECT locked_until FROM staff_accounts WHERE lower(name) = lower(@name)", r => At(r, 0),
            cancellationToken, ("name", name))).SingleOrDefault();
        return until > now ? until : null;
    }

    public Task RecordSuccessAsync(string name, string? newHash, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "UPDATE staff_accounts SET failed_sign_ins = 0, locked_until = NULL, password_hash = COALESCE(@hash::text, password_hash) WHERE lower(name) = lower(@name)",
            cancellationToken, ("name", name), ("hash", newHash));
}
