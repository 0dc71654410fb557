using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;

namespace GuidanceBot.Staff;

/// <summary>
/// Staff accounts: adding and removing them, and checking a sign-in with lock-out after <see cref="MaxFailedSignIns"/>
/// wrong passwords in a row (for <see cref="LockOutFor"/>). The web host throttles sign-ins per client address well below
/// that count, so one address cannot lock an account; every failure costs one hash check and gets the same answer. Passwords are hashed with ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted, versioned format). The hash is always computed before the
/// store is written and never inside a transaction, so a flood of sign-ins holds no lock while it burns CPU.
/// </summary>
public sealed partial class StaffAccounts(IStaffAccountStore store, TimeProvider time, IPasswordHasher<string>? hasher = null)
{
    /// <summary>
    /// Wrong passwords in a row that lock the account. Above the per-address sign-in limit (GuidanceBot:AbuseLimits), so
    /// locking someone out takes several addresses, while guessing stays at a few tries per address per window.
    /// </summary>
    public const int MaxFailedSignIns = 30;
    public const int MinPasswordLength = 10;
    public static readonly TimeSpan LockOutFor = TimeSpan.FromMinutes(15);

    private readonly IPasswordHasher<string> _hasher = hasher ?? new PasswordHasher<string>();

    // A hash of a random password, checked when the name is unknown so every failure costs one hash check.
    private static readonly string DecoyHash = new PasswordHasher<string>().HashPassword("", Guid.NewGuid().ToString("N"));

    /// <summary>Null when the name can be used, else why not.</summary>
    public static string? CheckName(string name) =>
        NamePattern().IsMatch(name) ? null : "A staff name is 2–64 letters, digits, '.', '_', '-' or '@' (e.g. lan.nguyen).";

    /// <summary>Null when the password is acceptable, else why not.</summary>
    public static string? CheckPassword(string password) =>
        password.Length >= MinPasswordLength ? null : $"The password needs at least {MinPasswordLength} characters.";

    /// <summary>Adds the account, or for an existing name sets a new role and password and lifts any lock-out. True when added.</summary>
    public Task<bool> AddOrResetAsync(string name, string role, string password, CancellationToken cancellationToken)
    {
        if (CheckName(name) is { } badName) throw new ArgumentException(badName, nameof(name));
        if (!StaffRoles.IsKnown(role)) throw new ArgumentException("The role is viewer or admin.", nameof(role));
        if (CheckPassword(password) is { } badPassword) throw new ArgumentException(badPassword, nameof(password));
        return store.AddOrResetAsync(name, role, _hasher.HashPassword(name, password), time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Removes the account; false when there was none.</summary>
    public Task<bool> RemoveAsync(string name, CancellationToken cancellationToken) => store.RemoveAsync(name, cancellationToken);

    public Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    /// <summary>The account's role, or null when it no longer exists (signed-in sessions are checked against this).</summary>
    public Task<string?> RoleOfAsync(string name, CancellationToken cancellationToken) => store.RoleOfAsync(name, cancellationToken);

    /// <summary>
    /// Checks a password; counts failures and locks the account after <see cref="MaxFailedSignIns"/> in a row. A name that
    /// cannot exist (empty, too long) is checked like an unknown one, so it costs the same hash check.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string name, string password, CancellationToken cancellationToken)
    {
        var account = CheckName(name) is null ? await store.FindAsync(name, cancellationToken) : null;
        var now = time.GetUtcNow();
        // One hash check for every attempt, also for an unknown name or a locked account, outside any transaction.
        var verdict = _hasher.VerifyHashedPassword(account?.Name ?? "", account?.PasswordHash ?? DecoyHash, password);
        if (account is null)
        {
            return new SignInResult(SignInOutcome.WrongNameOrPassword);
        }
        if (account.LockedUntil is { } until && until > now)
        {
            return new SignInResult(SignInOutcome.Locked, LockedUntil: until);
        }
        if (verdict == PasswordVerificationResult.Failed)
        {
            var locked = await store.CountFailureAsync(account.Name, MaxFailedSignIns, now.Add(LockOutFor), now, cancellationToken);
            return locked is { } lockedUntil && lockedUntil > now
                ? new SignInResult(SignInOutcome.Locked, LockedUntil: lockedUntil)
                : new SignInResult(SignInOutcome.WrongNameOrPassword);
        }
        var upgraded = verdict == PasswordVerificationResult.SuccessRehashNeeded ? _hasher.HashPassword(account.Name, password) : null;
        // A plain sign-in writes nothing: only earlier failures to clear or a hash to upgrade do.
        if (upgraded is not null || account.FailedSignIns > 0 || account.LockedUntil is not null)
        {
            await store.RecordSuccessAsync(account.Name, upgraded, cancellationToken);
        }
        return new SignInResult(SignInOutcome.SignedIn, account.Name, account.Role);
    }

    [GeneratedRegex(@"^[\p{L}\p{N}._@-]{2,64}$")]
    private static partial Regex NamePattern();
}
