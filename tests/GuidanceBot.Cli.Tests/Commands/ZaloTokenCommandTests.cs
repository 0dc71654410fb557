using GuidanceBot.Cli.Commands;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.Tests.Commands;

public sealed class ZaloTokenCommandTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gb-cli-{Guid.NewGuid():N}", "bot.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path.GetDirectoryName(_path)))
        {
            Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
        }
    }

    private GuidanceBot.Channels.Zalo.IZaloTokenStore TokenStore() => new GuidanceBot.Storage.Sqlite.SqliteZaloTokenStore(new GuidanceBot.Storage.Sqlite.SqliteDatabase(_path));

    private List<(string Access, string Refresh, bool Spent)> Tokens()
    {
        using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT access_token, refresh_token, spent_at IS NOT NULL FROM zalo_tokens ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, bool)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        }
        return rows;
    }

    [Fact]
    public async Task Token_set_reads_the_pair_from_stdin_and_replaces_any_earlier_pair()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(0, await ZaloTokenCommand.RunAsync(["token", "set"], TokenStore(), null, new StringReader("acc-A\nref-A\n"), output, error));
        Assert.Equal(0, await ZaloTokenCommand.RunAsync(["token", "set"], TokenStore(), "3600", new StringReader("acc-B ref-B"), output, error));

        Assert.Equal([("acc-A", "ref-A", true), ("acc-B", "ref-B", false)], Tokens());
        Assert.DoesNotContain("acc-B", output.ToString());
    }

    [Fact]
    public async Task Token_set_refuses_anything_but_two_values()
    {
        var error = new StringWriter();

        Assert.Equal(2, await ZaloTokenCommand.RunAsync(["token", "set"], TokenStore(), null, new StringReader("only-one"), TextWriter.Null, error));
        Assert.Contains("two values", error.ToString());
    }
}
