namespace GuidanceBot.Staff;

/// <summary>What a sign-in needs to know about an account: its password hash and lock-out state.</summary>
public sealed record StaffCredentials(string Name, string Role, string PasswordHash, int FailedSignIns, DateTimeOffset? LockedUntil);

/// <summary>
/// Where staff accounts are kept. Only rows: hashing and the lock-out policy are <see cref="StaffAccounts"/>'s.
/// Names are compared without regard to case.
/// </summary>
public interface IStaffAccountStore
{
    /// <summary>Adds the account, or for an existing name sets the role and hash and clears failures and any lock-out. True when added.</summary>
    Task<bool> AddOrResetAsync(string name, string role, string passwordHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes the account; false when there was none.</summary>
    Task<bool> RemoveAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every account by name.</summary>
    Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The account's role, or null when there is no such account.</summary>
    Task<string?> RoleOfAsync(string name, CancellationToken cancellationToken);

    /// <summary>The account's credentials, or null when there is no such account. Reads only.</summary>
    Task<StaffCredentials?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one wrong password in a single atomic statement (failures arriving at once all count). The
    /// <paramref name="maxFailed"/>-th in a row locks the account until <paramref name="lockUntil"/> and starts the count
    /// again. Returns when the account is locked until, or null when it is not locked (or does not exist).
    /// </summary>
    Task<DateTimeOffset?> CountFailureAsync(string name, int maxFailed, DateTimeOffset lockUntil, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A right password: clears failures and lock-out; stores <paramref name="newHash"/> when the hash was upgraded.</summary>
    Task RecordSuccessAsync(string name, string? newHash, CancellationToken cancellationToken);
}
