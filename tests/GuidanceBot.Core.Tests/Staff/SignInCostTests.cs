using GuidanceBot.Staff;
using GuidanceBot.Storage.Sqlite;
using Microsoft.AspNetCore.Identity;

namespace GuidanceBot.Tests.Staff;

/// <summary>
/// Every failed sign-in costs one password-hash check, whatever went wrong (issue 16, defect 6): an unknown name, an
/// impossible one, a locked account and a wrong password take the same work, so timing tells nothing.
/// </summary>
public sealed class SignInCostTests : IDisposable
{
    private readonly TestDatabase _store = new();
    private readonly FixedTime _time = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    private readonly CountingHasher _hasher = new();
    private readonly StaffAccounts _accounts;

    public SignInCostTests()
    {
        _accounts = new StaffAccounts(new SqliteStaffAccountStore(_store.Database), _time, _hasher);
    }

    public void Dispose() => _store.Dispose();

    /// <summary>The real hasher, counting how often a password is checked.</summary>
    private sealed class CountingHasher : IPasswordHasher<string>
    {
        private readonly PasswordHasher<string> _inner = new();
        public int Verifications { get; private set; }
        public string HashPassword(string user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(string user, string hashedPassword, string providedPassword)
        {
            Verifications++;
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Theory]
    [InlineData("nobody.here", "some-password")]
    [InlineData("", "some-password")]
    [InlineData("lan.admin", "")]
    [InlineData("lan.admin", "wrong-password")]
    [InlineData("a-name-far-longer-than-any-staff-name-could-ever-be-0123456789-0123456789", "x")]
    public async Task Every_kind_of_failure_costs_exactly_one_hash_check(string name, string password)
    {
        await _accounts.AddOrResetAsync("lan.admin", StaffRoles.Admin, "admin-password-1", CancellationToken.None);
        var before = _hasher.Verifications;

        var result = await _accounts.SignInAsync(name, password, CancellationToken.None);

        Assert.NotEqual(SignInOutcome.SignedIn, result.Outcome);
        Assert.Equal(1, _hasher.Verifications - before);
    }

    [Fact]
    public async Task A_locked_account_costs_one_hash_check_like_any_other_failure()
    {
        await _accounts.AddOrResetAsync("lan.admin", StaffRoles.Admin, "admin-password-1", CancellationToken.None);
        for (var i = 0; i < StaffAccounts.MaxFailedSignIns; i++)
        {
            await _accounts.SignInAsync("lan.admin", $"wrong-{i}", CancellationToken.None);
        }
        var before = _hasher.Verifications;

        var result = await _accounts.SignInAsync("LAN.ADMIN", "admin-password-1", CancellationToken.None);

        Assert.Equal(SignInOutcome.Locked, result.Outcome);
        Assert.Equal(1, _hasher.Verifications - before);
    }
}
