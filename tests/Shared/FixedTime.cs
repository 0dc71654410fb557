namespace GuidanceBot.Testing;

/// <summary>
/// The tests' one clock: it stands still until a test sets or moves it. Timers made from it still run on real time (as
/// <see cref="TimeProvider"/>'s own do), so a host's background services keep working while the test holds the date.
/// </summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
