using System.Diagnostics;

namespace GuidanceBot.LoadGen;

/// <summary>
/// When warm-up ends and when the run ends, as <see cref="Stopwatch"/> timestamps. A turn belongs to
/// the measurement if it started inside [<see cref="Start"/>, <see cref="End"/>).
/// </summary>
public readonly record struct MeasurementWindow(long Start, long End)
{
    public static MeasurementWindow StartingNow(TimeSpan warmup, TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        return new(start, start + (long)(duration.TotalSeconds * Stopwatch.Frequency));
    }

    public bool Measures(long timestamp) => timestamp >= Start && timestamp < End;
}
