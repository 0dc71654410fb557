namespace GuidanceBot.Engine;

/// <summary>
/// One async lock per conversation, created on demand and dropped when nobody holds or waits for it.
/// Waiters are served first come, first served (SemaphoreSlim queues async waiters in order).
/// </summary>
public sealed class KeyedLock
{
    private readonly Dictionary<ConversationKey, Entry> _entries = new();
    private readonly Lock _gate = new();

    public async ValueTask<Releaser> AcquireAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries[key] = entry;
            }
            entry.Users++;
        }
        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key, entry);
            throw;
        }
        return new Releaser(this, key, entry);
    }

    /// <summary>Number of keys currently held or awaited; for diagnostics and tests.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    private void Leave(ConversationKey key, Entry entry)
    {
        lock (_gate)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
            }
        }
    }

    private sealed class Entry
    {
        public readonly SemaphoreSlim Semaphore = new(1, 1);
        public int Users;
    }

    /// <summary>Releases the key when disposed.</summary>
    public readonly struct Releaser(KeyedLock owner, ConversationKey key, object entry) : IDisposable
    {
        public void Dispose()
        {
            var e = (Entry)entry;
            e.Semaphore.Release();
            owner.Leave(key, e);
        }
    }
}
