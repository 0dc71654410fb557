using GuidanceBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.Tests;

/// <summary>A fresh SQLite file in a folder of its own with the conversation store over it; dispose to close it and delete the folder.</summary>
public sealed class TestDatabase : IDisposable
{
    private static readonly Lazy<TestDatabase> LazyShared = new(() =>
    {
        var shared = new TestDatabase();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => shared.Dispose();
        return shared;
    });

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"gb-test-{Guid.NewGuid():N}");

    public TestDatabase()
    {
        Database = new SqliteDatabase(Path.Combine(_folder, "bot.db"));
        Store = new SqliteConversationStore(Database);
    }

    /// <summary>
    /// One file for the conversations tests script without a store of their own (each under its own conversation id),
    /// deleted when the test process ends.
    /// </summary>
    public static TestDatabase Shared => LazyShared.Value;

    public SqliteDatabase Database { get; }

    public SqliteConversationStore Store { get; }

    public string FilePath => Database.FilePath;

    public void Dispose()
    {
        Store.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
