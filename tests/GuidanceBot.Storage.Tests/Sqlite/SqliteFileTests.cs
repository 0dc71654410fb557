using GuidanceBot.Analytics;
using GuidanceBot.Engine;
using GuidanceBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.Tests.Sqlite;

/// <summary>What only the SQLite file does: created with its folder, WAL, checkpoints in the background (the store's contract is in ConversationStoreContract).</summary>
public sealed class SqliteFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gb-{Guid.NewGuid():N}", "data", "bot.db");

    private static readonly ConversationKey K = new("test", "k");

    private static ConversationWrite State(string json) => new(json, null, null);

    private static AnalyticsEvent Event(string kind) => new("conv", "test", kind, DateTimeOffset.UtcNow) { FlowId = "khai-sinh", StepId = "noi-sinh", Properties = new Dictionary<string, string> { ["k"] = "v" } };

    [Fact]
    public void Creates_its_folder_and_file_on_first_run_in_wal_mode()
    {
        using var store = new SqliteConversationStore(new SqliteDatabase(_path));

        Assert.True(File.Exists(_path));
        using var connection = new SqliteConnection($"Data Source={_path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "SELECT MAX(version) FROM schema_version";
        Assert.Equal((long)SqliteSchema.Latest, command.ExecuteScalar());
    }

    [Fact]
    public async Task The_wal_is_checkpointed_in_the_background_so_it_stays_small()
    {
        // 2,000 turns, each its own commit: without checkpoints the WAL passes 40 MB (measured when a background
        // checkpointer starved behind the writer and never let the WAL restart).
        using var store = new SqliteConversationStore(new SqliteDatabase(_path));
        string? etag = null;
        var state = "{\"v\":\"" + new string('x', 1500) + "\"}";
        for (var turn = 0; turn < 2000; turn++)
        {
            etag = await store.SaveAsync(K, State(state), etag, [Event("a"), Event("b"), Event("c")], CancellationToken.None);
        }

        var wal = new FileInfo(_path + "-wal").Length;
        // The writer checkpoints itself at 4,000 pages (16.5 MB), the background checkpoints copy most of it before.
        Assert.True(wal < 20 * 1024 * 1024, $"the WAL grew to {wal:N0} bytes");
        Assert.Equal(6000, (await store.ReadAsync(null, CancellationToken.None)).Count);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(_path))!, recursive: true);
    }
}
