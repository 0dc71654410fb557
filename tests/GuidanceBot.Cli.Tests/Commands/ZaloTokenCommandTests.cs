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
        var first = await Cli.RunAsync(["zalo", "token", "set", "--sqlite", _path], "acc-A\nref-A\n");
        var second = await Cli.RunAsync(["zalo", "token", "set", "--sqlite", _path, "--expires-in", "3600"], "acc-B ref-B");

        Assert.Equal((0, 0), (first.Exit, second.Exit));
        Assert.Equal([("acc-A", "ref-A", true), ("acc-B", "ref-B", false)], Tokens());
        Assert.DoesNotContain("acc-B", second.Out + second.Error);
    }

    [Fact]
    public async Task Token_set_refuses_anything_but_two_values()
    {
        var (exit, _, error) = await Cli.RunAsync(["zalo", "token", "set", "--sqlite", _path], "only-one");

        Assert.Equal(2, exit);
        Assert.Contains("two values", error);
    }
}
