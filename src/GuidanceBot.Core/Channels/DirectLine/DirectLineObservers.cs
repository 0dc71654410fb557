namespace GuidanceBot.Channels.DirectLine;

/// <summary>The observers of one process's <see cref="IDirectLineNotifications"/>: each provider tells them through this one list.</summary>
public sealed class DirectLineObservers : IDirectLineNotifications
{
    private readonly Lock _lock = new();
    private IDirectLineObserver[] _observers = [];

    public int Count => _observers.Length;

    public IDisposable Subscribe(IDirectLineObserver observer)
    {
        lock (_lock)
        {
            _observers = [.. _observers, observer];
        }
        return new Subscription(this, observer);
    }

    public void Appended(DirectLineAppended appended)
    {
        foreach (var observer in _observers)
        {
            observer.Appended(appended);
        }
    }

    public void MayHaveMissed()
    {
        foreach (var observer in _observers)
        {
            observer.MayHaveMissed();
        }
    }

    private sealed class Subscription(DirectLineObservers owner, IDirectLineObserver observer) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._lock)
            {
                owner._observers = [.. owner._observers.Where(o => o != observer)];
            }
        }
    }
}
