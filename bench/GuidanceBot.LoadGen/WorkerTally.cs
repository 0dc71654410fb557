namespace GuidanceBot.LoadGen;

/// <summary>What one worker saw. Owned by that worker until the run ends, so no locking.</summary>
public sealed class WorkerTally
{
    /// <summary>Latency of each successful measured turn, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public List<long> LatencyTicks { get; } = new(capacity: 4096);
    public long MeasuredTurns { get; set; }
    public long MeasuredErrors { get; set; }
    public long WarmupTurns { get; set; }
    public long WarmupErrors { get; set; }
    public int ConversationsStarted { get; set; }
    /// <summary>Timestamp at which the last measured turn finished; the measured span ends here.</summary>
    public long LastMeasuredCompletion { get; set; }
}
