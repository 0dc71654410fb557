using GuidanceBot.Analytics;
using GuidanceBot.Engine;
using GuidanceBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.Tests.Storage;

public sealed class SqliteConversationStoreTests : IDisposable
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
    public async Task A_stale_etag_writes_neither_state_nor_events()
    {
        using var store = new SqliteConversationStore(new SqliteDatabase(_path));
        var first = await store.SaveAsync(K, State("{\"v\":1}"), null, [Event("a")], CancellationToken.None);
        var second = await store.SaveAsync(K, State("{\"v\":2}"), first, [Event("b")], CancellationToken.None);

        var stale = await store.SaveAsync(K, State("{\"v\":3}"), first, [Event("c")], CancellationToken.None);
        var duplicateCreate = await store.SaveAsync(K, State("{\"v\":4}"), null, [Event("d")], CancellationToken.None);

        Assert.NotNull(second);
        Assert.Null(stale);
        Assert.Null(duplicateCreate);
        Assert.Equal(new StoredConversation("{\"v\":2}", second!), await store.LoadAsync(K, CancellationToken.None));
        Assert.Equal(["a", "b"], (await store.ReadAsync(null, CancellationToken.None)).Select(e => e.Kind));
    }

    [Fact]
    public async Task State_and_events_written_by_one_instance_are_read_by_the_next()
    {
        string etag;
        using (var first = new SqliteConversationStore(new SqliteDatabase(_path)))
        {
            etag = (await first.SaveAsync(K, State("{\"v\":1}"), null, [Event("a")], CancellationToken.None))!;
        }

        using var second = new SqliteConversationStore(new SqliteDatabase(_path));
        var events = await second.ReadAsync("conv", CancellationToken.None);

        Assert.Equal(etag, (await second.LoadAsync(K, CancellationToken.None))!.ETag);
        var e = Assert.Single(events);
        Assert.Equal(("khai-sinh", "noi-sinh", "v"), (e.FlowId, e.StepId, e.Property("k")));
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
