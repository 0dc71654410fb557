using GuidanceBot.Staff;
using GuidanceBot.Storage;
using Microsoft.AspNetCore.Identity;

namespace GuidanceBot.Tests;

/// <summary>Staff accounts and API keys (<see cref="IStaffAccountStore"/>, <see cref="IApiKeyStore"/>) through their rules, on each database.</summary>
public abstract class StaffContract(StorageProvider provider) : IDisposable
{
    private readonly FixedTime _time = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    private readonly StorageUnderTest _storage = new(provider);
    private readonly CountingHasher _hasher = new();

    public void Dispose() => _storage.Dispose();

    private StaffAccounts Accounts() => new(_storage.Get<IStaffAccountStore>(), _time, _hasher);

    [Fact]
    public async Task An_account_is_added_reset_listed_and_removed_names_ignoring_case()
    {
        var accounts = Accounts();
        Assert.True(await accounts.AddOrResetAsync("Lan.Nguyen", StaffRoles.Viewer, "first-password", CancellationToken.None));
        Assert.False(await accounts.AddOrResetAsync("lan.nguyen", StaffRoles.Admin, "second-password", CancellationToken.None));

        var listed = Assert.Single(await accounts.ListAsync(CancellationToken.None));
        Assert.Equal(("Lan.Nguyen", StaffRoles.Admin), (listed.Name, listed.Role));
        Assert.Equal(StaffRoles.Admin, await accounts.RoleOfAsync("LAN.NGUYEN", CancellationToken.None));
        Assert.Equal(SignInOutcome.WrongNameOrPassword, (await accounts.SignInAsync("lan.nguyen", "first-password", CancellationToken.None)).Outcome);
        Assert.Equal(SignInOutcome.SignedIn, (await accounts.SignInAsync("lan.nguyen", "second-password", CancellationToken.None)).Outcome);
        Assert.True(await accounts.RemoveAsync("lan.NGUYEN", CancellationToken.None));
        Assert.Null(await accounts.RoleOfAsync("lan.nguyen", CancellationToken.None));
        Assert.False(await accounts.RemoveAsync("lan.nguyen", CancellationToken.None));
    }

    [Fact]
    public async Task Wrong_passwords_sent_at_once_all_count_and_lock_the_account()
    {
        var accounts = Accounts();
        await accounts.AddOrResetAsync("minh", StaffRoles.Admin, "the-right-password", CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, StaffAccounts.MaxFailedSignIns)
            .Select(_ => Task.Run(() => Accounts().SignInAsync("minh", "a-wrong-password", CancellationToken.None))));

        Assert.Contains(results, r => r.Outcome == SignInOutcome.Locked);
        var locked = await accounts.SignInAsync("minh", "the-right-password", CancellationToken.None);
        Assert.Equal(SignInOutcome.Locked, locked.Outcome);
        Assert.Equal(_time.GetUtcNow() + StaffAccounts.LockOutFor, locked.LockedUntil);

        _time.Advance(StaffAccounts.LockOutFor + TimeSpan.FromSeconds(1));
        Assert.Equal(SignInOutcome.SignedIn, (await accounts.SignInAsync("minh", "the-right-password", CancellationToken.None)).Outcome);
        Assert.Equal(0, Assert.Single(await accounts.ListAsync(CancellationToken.None)).FailedSignIns);
    }

    [Fact]
    public async Task Every_failure_costs_one_hash_check_an_unknown_name_and_a_locked_account_too()
    {
        var accounts = Accounts();
        await accounts.AddOrResetAsync("minh", StaffRoles.Admin, "the-right-password", CancellationToken.None);
        _hasher.Verified = 0;

        await accounts.SignInAsync("nobody", "whatever-password", CancellationToken.None);
        await accounts.SignInAsync("minh", "a-wrong-password", CancellationToken.None);

        Assert.Equal(2, _hasher.Verified);
    }

    [Fact]
    public async Task The_password_is_checked_while_the_sign_in_holds_no_lock_on_the_account()
    {
        var accounts = Accounts();
        await accounts.AddOrResetAsync("minh", StaffRoles.Admin, "the-right-password", CancellationToken.None);
        var store = _storage.Get<IStaffAccountStore>();
        // While the hash is being checked, another writer changes the same account at once: it would wait (or fail)
        // if the sign-in held a transaction or a write lock around the check.
        _hasher.WhileVerifying = () => Assert.True(
            Task.Run(() => store.CountFailureAsync("minh", 100, _time.GetUtcNow(), _time.GetUtcNow(), CancellationToken.None)).Wait(TimeSpan.FromSeconds(10)),
            "another writer could not change the account while the password was checked");

        Assert.Equal(SignInOutcome.WrongNameOrPassword, (await accounts.SignInAsync("minh", "a-wrong-password", CancellationToken.None)).Outcome);
        Assert.Equal(2, Assert.Single(await accounts.ListAsync(CancellationToken.None)).FailedSignIns);
    }

    [Fact]
    public async Task A_plain_sign_in_writes_nothing()
    {
        var accounts = Accounts();
        await accounts.AddOrResetAsync("minh", StaffRoles.Admin, "the-right-password", CancellationToken.None);
        var before = await accounts.ListAsync(CancellationToken.None);

        Assert.Equal(SignInOutcome.SignedIn, (await accounts.SignInAsync("minh", "the-right-password", CancellationToken.None)).Outcome);
        Assert.Equal(SignInOutcome.WrongNameOrPassword, (await accounts.SignInAsync("nobody", "the-right-password", CancellationToken.None)).Outcome);

        Assert.Equal(before, await accounts.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Api_keys_are_stored_as_hashes_listed_used_and_revoked()
    {
        var keys = new ApiKeys(_storage.Get<IApiKeyStore>(), _time);
        var created = await keys.CreateAsync("monthly report", "lan.admin", CancellationToken.None);
        var other = await keys.CreateAsync("dashboard export", "lan.admin", CancellationToken.None);

        Assert.True(await keys.AcceptsAsync(created.Secret, CancellationToken.None));
        Assert.False(await keys.AcceptsAsync(created.Secret[..^1] + (created.Secret[^1] == 'A' ? 'B' : 'A'), CancellationToken.None));
        var listed = await keys.ListAsync(CancellationToken.None);
        Assert.Equal([other.Key.Id, created.Key.Id], listed.Select(k => k.Id));
        Assert.Equal(_time.GetUtcNow(), listed.Single(k => k.Id == created.Key.Id).LastUsedAt);
        Assert.Equal(created.Key, listed.Single(k => k.Id == created.Key.Id) with { LastUsedAt = null });

        Assert.True(await keys.RevokeAsync(created.Key.Id, "minh", CancellationToken.None));
        Assert.False(await keys.RevokeAsync(created.Key.Id, "minh", CancellationToken.None));
        Assert.False(await keys.AcceptsAsync(created.Secret, CancellationToken.None));
        Assert.Equal([other.Key.Id, created.Key.Id], (await keys.ListAsync(CancellationToken.None)).Select(k => k.Id));
        Assert.Equal(("minh", _time.GetUtcNow()), (await keys.ListAsync(CancellationToken.None)).Where(k => k.Revoked).Select(k => (k.RevokedBy!, k.RevokedAt!.Value)).Single());
    }

    /// <summary>The real hasher, counting checks and running an action while it checks.</summary>
    private sealed class CountingHasher : IPasswordHasher<string>
    {
        private readonly PasswordHasher<string> _inner = new();

        public int Verified;

        public Action? WhileVerifying { get; set; }

        public string HashPassword(string user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(string user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verified);
            WhileVerifying?.Invoke();
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

public sealed class SqliteStaffContract() : StaffContract(StorageProvider.Sqlite);

public sealed class PostgresStaffContract() : StaffContract(StorageProvider.Postgres);
