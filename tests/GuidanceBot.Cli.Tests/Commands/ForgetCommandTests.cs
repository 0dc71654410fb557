using GuidanceBot.Channels.Zalo;
using GuidanceBot.Cli.Commands;
using GuidanceBot.Engine;
using GuidanceBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.Tests.Commands;

/// <summary><c>guidancebot forget</c>: which conversation each channel's user id names, and clear errors for what is missing.</summary>
public sealed class ForgetCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("guidancebot-forget-").FullName;
    private readonly SqliteDatabase _database;
    private readonly SqliteConversationStore _store;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public ForgetCommandTests()
    {
        _database = new SqliteDatabase(Path.Combine(_directory, "bot.db"));
        _store = new SqliteConversationStore(_database);
    }

    public void Dispose()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<int> Run(ZaloConversationId? zalo, string? channel, string? user) =>
        ForgetCommand.RunAsync(new SqliteCitizenData(_database), zalo, channel, user, _stdout, _stderr, CancellationToken.None);

    [Fact]
    public async Task A_zalo_user_is_found_by_the_conversation_id_the_host_derives()
    {
        var ids = new ZaloConversationId("oa-secret-key-abc", "");
        var key = new ConversationKey("zalo", ids.For("z-user-7"));
        await _store.SaveAsync(key, new ConversationWrite("{}", null, null), null, [], CancellationToken.None);

        Assert.Equal(0, await Run(ids, "zalo", "z-user-7"));

        Assert.Contains("Deleted 1 conversation state(s)", _stdout.ToString());
        Assert.Null(await _store.LoadAsync(key, CancellationToken.None));
    }

    [Theory]
    [InlineData(null, "u")]
    [InlineData("directline", null)]
    [InlineData("directline", " ")]
    public async Task Missing_channel_or_user_prints_the_usage(string? channel, string? user)
    {
        Assert.Equal(2, await Run(null, channel, user));
        Assert.Contains("Usage: guidancebot forget", _stderr.ToString());
    }

    [Fact]
    public async Task Zalo_without_the_oa_secret_key_says_which_setting_is_missing()
    {
        Assert.Equal(2, await Run(null, "zalo", "z-user-7"));
        Assert.Contains("GuidanceBot:Zalo:OaSecretKey", _stderr.ToString());
    }
}
