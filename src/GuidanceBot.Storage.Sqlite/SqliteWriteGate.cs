using System.Collections.Concurrent;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>
/// One write transaction at a time per database file inside this process, taken in turn. SQLite itself lets a second
/// writer wait only by sleeping and retrying (1, 2, 5 … 25 ms between tries), which put those sleeps into Zalo's
/// acknowledgements and turns whenever the store, the Zalo inbox and the outbox wrote at once. Writers that do not
/// take a turn here (analytics roll-ups, the data-protection key ring: rare) and other processes (the CLI, a second
/// host) still meet SQLite's busy timeout.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the file's write turn; dispose the answer after the transaction has committed or rolled back.</summary>
    public static async ValueTask<Turn> EnterAsync(string databasePath, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(Path.GetFullPath(databasePath), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    public readonly struct Turn(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
