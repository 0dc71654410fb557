namespace GuidanceBot.Tests;

/// <summary>A clock the test moves (milliseconds, as the stores keep times).</summary>
public sealed class FixedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
