using GuidanceBot.Staff;
using GuidanceBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.Tests.Commands;

/// <summary><c>guidancebot staff</c>: the password comes from a prompt or stdin, never from the arguments.</summary>
public sealed class StaffCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("guidancebot-staff-").FullName;
    private readonly SqliteDatabase _database;
    private readonly StaffAccounts _accounts;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public StaffCommandTests()
    {
        _database = new SqliteDatabase(Path.Combine(_directory, "bot.db"));
        _accounts = new StaffAccounts(new SqliteStaffAccountStore(_database), TimeProvider.System);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<int> Run(string stdin, Func<string, string?>? ask, params string[] args)
    {
        var (exit, output, error) = await Cli.RunAsync(["staff", .. args, "--sqlite", Path.Combine(_directory, "bot.db")], stdin, ask);
        _stdout.Write(output);
        _stderr.Write(error);
        return exit;
    }

    [Fact]
    public async Task Add_with_password_stdin_reads_the_first_line_and_the_account_can_sign_in()
    {
        Assert.Equal(0, await Run("a-long-password\n", null, "add", "lan.nguyen", "--password-stdin", "--role", "admin"));

        Assert.Contains("Added lan.nguyen (admin)", _stdout.ToString());
        var signIn = await _accounts.SignInAsync("lan.nguyen", "a-long-password", CancellationToken.None);
        Assert.Equal(SignInOutcome.SignedIn, signIn.Outcome);
        Assert.Equal(StaffRoles.Admin, signIn.Role);
    }

    [Fact]
    public async Task Add_asks_twice_and_refuses_different_answers()
    {
        var answers = new Queue<string>(["first-password-1", "other-password-1"]);
        Assert.Equal(1, await Run("", _ => answers.Dequeue(), "add", "minh", "--role", "viewer"));
        Assert.Empty(await _accounts.ListAsync(CancellationToken.None));

        var same = new Queue<string>(["same-password-1", "same-password-1"]);
        Assert.Equal(0, await Run("", _ => same.Dequeue(), "add", "minh", "--role", "viewer"));
        Assert.Single(await _accounts.ListAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("--password", "secret-password")]
    [InlineData("--password=secret-password", "")]
    [InlineData("-p", "secret-password")]
    public async Task A_password_in_the_arguments_is_refused(string flag, string value)
    {
        var args = new List<string> { "add", "lan", "--role", "admin", flag };
        if (value.Length > 0) args.Add(value);

        Assert.Equal(2, await Run("", null, [.. args]));
        Assert.Contains("never given as an argument", _stderr.ToString());
        Assert.Empty(await _accounts.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Short_passwords_bad_roles_and_bad_names_are_refused()
    {
        Assert.Equal(1, await Run("short\n", null, "add", "lan", "--role", "admin", "--password-stdin"));
        Assert.Equal(2, await Run("a-long-password\n", null, "add", "lan", "--role", "root", "--password-stdin"));
        Assert.Equal(2, await Run("a-long-password\n", null, "add", "lan nguyen", "--role", "admin", "--password-stdin"));
        Assert.Empty(await _accounts.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Remove_deletes_the_account_and_says_when_there_is_none()
    {
        await Run("a-long-password\n", null, "add", "lan", "--role", "viewer", "--password-stdin");

        Assert.Equal(0, await Run("", null, "remove", "lan"));
        Assert.Equal(1, await Run("", null, "remove", "lan"));
        Assert.Contains("no staff account 'lan'", _stderr.ToString());
    }
}
