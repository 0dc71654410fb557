using System.Text;
using GuidanceBot.Channels.Zalo;
using GuidanceBot.Engine;
using GuidanceBot.Privacy;
using GuidanceBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.Tests.Sqlite;

/// <summary>
/// Text that was cleared or deleted is gone from the file's bytes and the WAL after a checkpoint (issue 16, defect 5):
/// SQLite runs with secure_delete, so free pages and freed cells are zeroed instead of keeping citizens' words.
/// </summary>
public sealed class SecureDeleteTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gb-{Guid.NewGuid():N}", "bot.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }

    private void Checkpoint()
    {
        using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        command.ExecuteNonQuery();
    }

    private byte[] FileBytes() =>
        [.. File.ReadAllBytes(_path), .. File.Exists(_path + "-wal") ? File.ReadAllBytes(_path + "-wal") : []];

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;

    [Fact]
    public async Task A_processed_zalo_message_leaves_no_trace_of_its_text_in_the_file_or_the_wal()
    {
        var database = new SqliteDatabase(_path);
        using var store = new SqliteConversationStore(database);
        await using var inbox = new SqliteZaloInbox(database, TimeProvider.System);
        const string Secret = "CCCD 079203001234 sđt 0987654321 Trần Thị Bích";
        for (var i = 0; i < 20; i++)
        {
            await inbox.AddAsync(new ZaloInboxEntry($"m{i}", "user_send_text", $"z-user-{i}", $"{Secret} #{i}", true), CancellationToken.None);
        }
        Checkpoint();
        Assert.True(Contains(FileBytes(), Secret), "the raw text is in the file while it waits");

        foreach (var item in await inbox.ClaimAsync(50, TimeSpan.FromMinutes(1), CancellationToken.None))
        {
            await inbox.CompleteAsync(item, "done", [], ranTurn: true, choices: null, reminderDue: null, CancellationToken.None);
        }
        Checkpoint();

        Assert.False(Contains(FileBytes(), Secret));
    }

    [Fact]
    public async Task A_forgotten_conversation_leaves_no_trace_of_its_state_in_the_file_or_the_wal()
    {
        var database = new SqliteDatabase(_path);
        using var store = new SqliteConversationStore(database);
        var key = new ConversationKey("directline", "dl-forget-me");
        const string Secret = "Nguyễn Văn Forget 0912345678";
        await store.SaveAsync(key, new ConversationWrite($"{{\"memory\":\"{Secret}\"}}", null, null), null, [], CancellationToken.None);
        Checkpoint();
        Assert.True(Contains(FileBytes(), Secret));

        await new SqliteCitizenData(database).ForgetAsync("directline", "nobody", [key], CancellationToken.None);
        Checkpoint();

        Assert.False(Contains(FileBytes(), Secret));
    }
}
