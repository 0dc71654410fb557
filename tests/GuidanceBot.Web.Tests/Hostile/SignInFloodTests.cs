using GuidanceBot.Staff;
using GuidanceBot.Tests.Dashboard;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests.Hostile;

/// <summary>
/// A sign-in never holds the citizens' write path while it hashes (issue 16, defect 3): with every sign-in of a flood
/// stopped in the middle of its password check, a citizen's turn still completes. bench/run-signin-flood.sh measures it.
/// </summary>
public sealed class SignInFloodTests
{
    /// <summary>The real hasher, held inside the password check until the test lets it go.</summary>
    private sealed class HeldHasher : IPasswordHasher<string>
    {
        private readonly PasswordHasher<string> _inner = new();
        public SemaphoreSlim Entered { get; } = new(0);
        public ManualResetEventSlim Release { get; } = new(false);
        public string HashPassword(string user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(string user, string hashedPassword, string providedPassword)
        {
            Entered.Release();
            Release.Wait(TimeSpan.FromSeconds(60));
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task A_citizens_turn_completes_while_sign_ins_are_in_the_middle_of_their_password_check()
    {
        var hasher = new HeldHasher();
        await using var host = new TestHost
        {
            TestServices = s => s.AddSingleton(sp => new StaffAccounts(sp.GetRequiredService<IStaffAccountStore>(), sp.GetRequiredService<TimeProvider>(), hasher)),
        };
        await host.Services.GetRequiredService<StaffAccounts>().AddOrResetAsync("lan.admin", StaffRoles.Admin, "admin-password-1", CancellationToken.None);
        var sessions = Enumerable.Range(0, 3).Select(_ => new StaffSession(host)).ToList();
        var tokens = await Task.WhenAll(sessions.Select(s => s.TokenFromAsync("/dashboard/sign-in")));
        var signIns = sessions.Select((s, i) => Task.Run(() => s.PostAsync("/dashboard/sign-in", tokens[i], ("name", i == 0 ? "nobody" : "lan.admin"), ("password", "wrong-password")))).ToList();
        try
        {
            for (var i = 0; i < signIns.Count; i++)
            {
                Assert.True(await hasher.Entered.WaitAsync(TimeSpan.FromSeconds(30)), "every sign-in reaches its password check");
            }

            // Every sign-in is now hashing; a citizen's turn (state and events in one write) must not wait for them.
            var replies = await host.Send(host.CreateClient(), "c-during-sign-ins", "đăng ký khai sinh").WaitAsync(TimeSpan.FromSeconds(30));

            Assert.NotEmpty(ApiMessages.Texts(replies));
            Assert.All(signIns, t => Assert.False(t.IsCompleted));
        }
        finally
        {
            hasher.Release.Set();
            await Task.WhenAll(signIns);
            sessions.ForEach(s => s.Dispose());
        }
    }
}
