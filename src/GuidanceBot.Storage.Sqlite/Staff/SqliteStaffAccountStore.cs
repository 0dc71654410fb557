using GuidanceBot.Staff;
using static GuidanceBot.Storage.Sqlite.SqliteDatabase;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>
/// Staff accounts in <c>staff_accounts</c> (names compared without case). Each call is one short statement: nothing here
/// holds the file's write lock for longer than a row update, and a sign-in that changes nothing writes nothing.
/// </summary>
public sealed class SqliteStaffAccountStore(SqliteDatabase database) : IStaffAccountStore
{
    public async Task<bool> AddOrResetAsync(string name, string role, string passwordHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existed = await database.ScalarAsync("SELECT 1 FROM staff_accounts WHERE name = $name", cancellationToken, ("$name", name)) is not null;
        await database.WriteAsync(
            "INSERT INTO staff_accounts(name, role, password_hash, failed_sign_ins, locked_until, created_at) VALUES($name, $role, $hash, 0, NULL, $now) " +
            "ON CONFLICT(name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash, failed_sign_ins = 0, locked_until = NULL",
            cancellationToken, ("$name", name), ("$role", role), ("$hash", passwordHash), ("$now", Ms(now)));
        return !existed;
    }

    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken) =>
        await database.WriteAsync("DELETE FROM staff_accounts WHERE name = $name", cancellationToken, ("$name", name)) > 0;

    public Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken) =>
        database.QueryAsync("SELECT name, role, failed_sign_ins, locked_until, created_at FROM staff_accounts ORDER BY name",
            r => new StaffAccount(r.GetString(0), r.GetString(1), r.GetInt32(2), At(r, 3), At(r, 4)!.Value), cancellationToken);

    public async Task<string?> RoleOfAsync(string name, CancellationToken cancellationToken) =>
        await database.ScalarAsync("SELECT role FROM staff_accounts WHERE name = $name", cancellationToken, ("$name", name)) as string;

    public async Task<StaffCredentials?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await database.QueryAsync("SELECT name, role, password_hash, failed_sign_ins, locked_until FROM staff_accounts WHERE name = $name",
            r => new StaffCredentials(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), At(r, 4)), cancellationToken, ("$name", name)))
        .SingleOrDefault();

    public async Task<DateTimeOffset?> CountFailureAsync(string name, int maxFailed, DateTimeOffset lockUntil, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await database.WriteAsync(
            "UPDATE staff_accounts SET " +
            "locked_until = CASE WHEN failed_sign_ins + 1 >= $max THEN $until ELSE locked_until END, " +
            "failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $max THEN 0 ELSE failed_sign_ins + 1 END " +
            "WHERE name = $name AND (locked_until IS NULL OR locked_until <= $now)",
            cancellationToken, ("$name", name), ("$max", maxFailed), ("$until", Ms(lockUntil)), ("$now", Ms(now)));
        // Locked by this failure, or by another one that got in first: either way the row says until when.
        var until = await database.ScalarAsync("SELECT locked_until FROM staff_accounts WHERE name = $name", cancellationToken, ("$name", name));
        return until is long ms && ms > Ms(now) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public Task RecordSuccessAsync(string name, string? newHash, CancellationToken cancellationToken) =>
        database.WriteAsync(
            "UPDATE staff_accounts SET failed_sign_ins = 0, locked_until = NULL, password_hash = COALESCE($hash, password_hash) WHERE name = $name",
            cancellationToken, ("$name", name), ("$hash", newHash));
}
