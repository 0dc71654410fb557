namespace GuidanceBot.Web.Hosting;

/// <summary>
/// Admits turns while the host runs and counts those in flight; once the host is stopping (SIGTERM) it admits no new
/// turn, and <see cref="ShutdownDrain"/> waits for the ones in flight before the server stops.
/// </summary>
public sealed class TurnGate : IDisposable
{
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _abandoned = new();
    private int _inFlight;
    private int _stopping;

    public TurnGate(IHostApplicationLifetime lifetime)
    {
        // SIGTERM fires ApplicationStopping before the host stops; a host stopped in code (tests, IHost.StopAsync)
        // reaches ShutdownDrain first, which calls Stop itself.
        lifetime.ApplicationStopping.Register(Stop);
    }

    public bool IsStopping => Volatile.Read(ref _stopping) == 1;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>
    /// For work that is not tied to one request but belongs to a turn (a Direct Line turn goes on if its client leaves):
    /// cancelled only when the drain gave up, not when stopping starts.
    /// </summary>
    public CancellationToken Abandoned => _abandoned.Token;

    /// <summary>A lease to dispose when the turn is over; null when the host is stopping and the turn must be refused.</summary>
    public IDisposable? TryEnter()
    {
        // Counted before the check, so a drain that starts now sees this turn or this turn sees the drain.
        Interlocked.Increment(ref _inFlight);
        if (IsStopping)
        {
            Exit();
            return null;
        }
        return new Lease(this);
    }

    /// <summary>From now on no turn is admitted; the drain ends when the last one in flight leaves.</summary>
    public void Stop()
    {
        // A full fence between setting the flag and reading the count, against TryEnter's increment-then-check.
        Interlocked.Exchange(ref _stopping, 1);
        SignalIfDrained();
    }

    /// <summary>Waits until no turn is in flight, at most <paramref name="timeout"/>; false when turns were still running then.</summary>
    public async Task<bool> WaitForDrainAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _drained.Task.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            await _abandoned.CancelAsync();
            return false;
        }
    }

    private void Exit()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0)
        {
            SignalIfDrained();
        }
    }

    private void SignalIfDrained()
    {
        if (IsStopping && Volatile.Read(ref _inFlight) == 0)
        {
            _drained.TrySetResult();
        }
    }

    public void Dispose() => _abandoned.Dispose();

    private sealed class Lease(TurnGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Exit();
            }
        }
    }
}
