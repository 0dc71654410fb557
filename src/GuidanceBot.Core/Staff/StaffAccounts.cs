using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using GuidanceBot.Storage;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.Staff;

/// <summary>
/// Staff accounts in the SQLite file: adding and removing them, and checking a sign-in with lock-out after
/// <see cref="MaxFailedSignIns"/> wrong passwords in a row (for <see cref="LockOutFor"/>). Passwords are hashed with
/// ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted, versioned format).
/// </summary>
public sealed partial class StaffAccounts(string databasePath, TimeProvider time)
{
    public const int MaxFailedSignIns = 5;
    public const int MinPasswordLength = 10;
    public static readonly TimeSpan LockOutFor = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<string> Hasher = new();

    // A hash of a random password, checked when the name is unknown so both answers take the same time.
    private static readonly string DecoyHash = Hasher.HashPassword("", Guid.NewGuid().ToString("N"));

    private readonly string _connectionString = SqliteConnections.ConnectionString(databasePath);

    /// <summary>Null when the name can be used, else why not.</summary>
    public static string? CheckName(string name) =>
        NamePattern().IsMatch(name) ? null : "A staff name is 2–64 letters, digits, '.', '_', '-' or '@' (e.g. lan.nguyen).";

    /// <summary>Null when the password is acceptable, else why not.</summary>
    public static string? CheckPassword(string password) =>
        password.Length >= MinPasswordLength ? null : $"The password needs at least {MinPasswordLength} characters.";

    /// <summary>Adds the account, or for an existing name sets a new role and password and lifts any lock-out. True when added.</summary>
    public async Task<bool> AddOrResetAsync(string name, string role, string password, CancellationToken cancellationToken)
    {
        if (CheckName(name) is { } badName) throw new ArgumentException(badName, nameof(name));
        if (!StaffRoles.IsKnown(role)) throw new ArgumentException("The role is viewer or admin.", nameof(role));
        if (CheckPassword(password) is { } badPassword) throw new ArgumentException(badPassword, nameof(password));

        await using var connection = await OpenAsync(cancellationToken);
        var existed = await ExistsAsync(connection, name, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO staff_accounts(name, role, password_hash, failed_sign_ins, locked_until, created_at) VALUES($name, $role, $hash, 0, NULL, $now) " +
            "ON CONFLICT(name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash, failed_sign_ins = 0, locked_until = NULL";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$role", role);
        command.Parameters.AddWithValue("$hash", Hasher.HashPassword(name, password));
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return !existed;
    }

    /// <summary>Removes the account; false when there was none.</summary>
    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM staff_accounts WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, role, failed_sign_ins, locked_until, created_at FROM staff_accounts ORDER BY name";
        var accounts = new List<StaffAccount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(new StaffAccount(reader.GetString(0), reader.GetString(1), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }
        return accounts;
    }

    /// <summary>The account's role, or null when it no longer exists (signed-in sessions are checked against this).</summary>
    public async Task<string?> RoleOfAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT role FROM staff_accounts WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Checks a password; counts failures and locks the account after <see cref="MaxFailedSignIns"/> in a row.</summary>
    public async Task<SignInResult> SignInAsync(string name, string password, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // IMMEDIATE: two wrong passwords sent at once must both count.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT name, role, password_hash, failed_sign_ins, locked_until FROM staff_accounts WHERE name = $name";
        read.Parameters.AddWithValue("$name", name);
        string? storedName = null, role = null, hash = null;
        var failed = 0;
        long? lockedUntil = null;
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                storedName = reader.GetString(0);
                role = reader.GetString(1);
                hash = reader.GetString(2);
                failed = reader.GetInt32(3);
                lockedUntil = reader.IsDBNull(4) ? null : reader.GetInt64(4);
            }
        }
        var now = time.GetUtcNow();
        if (storedName is null)
        {
            Hasher.VerifyHashedPassword("", DecoyHash, password);
            return new SignInResult(SignInOutcome.WrongNameOrPassword);
        }
        if (lockedUntil is { } until && until > now.ToUnixTimeMilliseconds())
        {
            return new SignInResult(SignInOutcome.Locked, LockedUntil: DateTimeOffset.FromUnixTimeMilliseconds(until));
        }
        var verdict = Hasher.VerifyHashedPassword(storedName, hash!, password);
        await using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.Parameters.AddWithValue("$name", storedName);
        SignInResult result;
        if (verdict == PasswordVerificationResult.Failed)
        {
            failed++;
            var locks = failed >= MaxFailedSignIns;
            write.CommandText = "UPDATE staff_accounts SET failed_sign_ins = $failed, locked_until = $until WHERE name = $name";
            write.Parameters.AddWithValue("$failed", locks ? 0 : failed);
            write.Parameters.AddWithValue("$until", locks ? now.Add(LockOutFor).ToUnixTimeMilliseconds() : DBNull.Value);
            result = locks
                ? new SignInResult(SignInOutcome.Locked, LockedUntil: now.Add(LockOutFor))
                : new SignInResult(SignInOutcome.WrongNameOrPassword);
        }
        else
        {
            write.CommandText = verdict == PasswordVerificationResult.SuccessRehashNeeded
                ? "UPDATE staff_accounts SET failed_sign_ins = 0, locked_until = NULL, password_hash = $hash WHERE name = $name"
                : "UPDATE staff_accounts SET failed_sign_ins = 0, locked_until = NULL WHERE name = $name";
            write.Parameters.AddWithValue("$hash", Hasher.HashPassword(storedName, password));
            result = new SignInResult(SignInOutcome.SignedIn, storedName, role);
        }
        await write.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static async Task<bool> ExistsAsync(SqliteConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM staff_accounts WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => SqliteConnections.OpenAsync(_connectionString, cancellationToken);

    [GeneratedRegex(@"^[\p{L}\p{N}._@-]{2,64}$")]
    private static partial Regex NamePattern();
}
