namespace GuidanceBot.Staff;

/// <summary>A staff member who can sign in to the dashboard (never carries the password hash out of the store).</summary>
public sealed record StaffAccount(string Name, string Role, int FailedSignIns, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

/// <summary>How a sign-in attempt ended. <see cref="Locked"/> is also the answer while a lock-out lasts, even with the right password.</summary>
public enum SignInOutcome
{
    SignedIn,
    WrongNameOrPassword,
    Locked,
}

/// <summary>The outcome of a sign-in and, when signed in, the account's role.</summary>
public sealed record SignInResult(SignInOutcome Outcome, string? Name = null, string? Role = null, DateTimeOffset? LockedUntil = null);
