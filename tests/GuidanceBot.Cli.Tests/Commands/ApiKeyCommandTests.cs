using GuidanceBot.Staff;
using GuidanceBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.Tests.Commands;

/// <summary><c>guidancebot apikey</c>: add prints the key once and alone on stdout, list never shows it, revoke takes the id.</summary>
public sealed class ApiKeyCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("guidancebot-apikey-").FullName;
    private readonly SqliteDatabase _database;
    private readonly ApiKeys _keys;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public ApiKeyCommandTests()
    {
        _database = new SqliteDatabase(Path.Combine(_directory, "bot.db"));
        _keys = new ApiKeys(new SqliteApiKeyStore(_database), TimeProvider.System);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Who the command records as creator or revoker: the user running it.</summary>
    private static readonly string Who = "cli:" + Environment.UserName;

    private async Task<int> Run(params string[] args)
    {
        var (exit, output, error) = await Cli.RunAsync(["apikey", .. args, "--sqlite", Path.Combine(_directory, "bot.db")]);
        _stdout.Write(output);
        _stderr.Write(error);
        return exit;
    }

    [Fact]
    public async Task Add_prints_only_the_key_on_stdout_and_the_key_is_accepted()
    {
        Assert.Equal(0, await Run("add", "monthly", "report"));

        var key = _stdout.ToString().Trim();
        Assert.Matches("^gb_[A-Za-z0-9_-]{43}$", key);
        Assert.Contains("only time it is shown", _stderr.ToString());
        Assert.True(await _keys.AcceptsAsync(key, CancellationToken.None));
        var listed = Assert.Single(await _keys.ListAsync(CancellationToken.None));
        Assert.Equal(("monthly report", Who), (listed.Name, listed.CreatedBy));
    }

    [Fact]
    public async Task List_shows_prefix_and_state_but_never_the_key()
    {
        await Run("add", "tool");
        var key = _stdout.ToString().Trim();
        _stdout.GetStringBuilder().Clear();

        Assert.Equal(0, await Run("list"));

        var line = _stdout.ToString();
        Assert.Contains(key[..ApiKeys.PrefixLength] + $"…\ttool\tby {Who}", line);
        Assert.Contains("never used\tactive", line);
        Assert.DoesNotContain(key, line);
    }

    [Fact]
    public async Task Revoke_takes_the_id_and_the_key_is_refused_afterwards()
    {
        await Run("add", "tool");
        var key = _stdout.ToString().Trim();
        var id = Assert.Single(await _keys.ListAsync(CancellationToken.None)).Id;

        Assert.Equal(0, await Run("revoke", id.ToString()));
        Assert.False(await _keys.AcceptsAsync(key, CancellationToken.None));
        Assert.Equal(1, await Run("revoke", id.ToString()));
        Assert.Equal(2, await Run("revoke", "tool"));
        Assert.Contains("revoked", (await ListAsync()));
    }

    [Fact]
    public async Task Missing_names_and_unknown_options_are_refused()
    {
        Assert.Equal(2, await Run("add"));
        Assert.Equal(2, await Run("add", "tool", "--role", "admin"));
        Assert.Equal(2, await Run("remove", "1"));
        Assert.Empty(await _keys.ListAsync(CancellationToken.None));
    }

    private async Task<string> ListAsync()
    {
        _stdout.GetStringBuilder().Clear();
        await Run("list");
        return _stdout.ToString();
    }
}
