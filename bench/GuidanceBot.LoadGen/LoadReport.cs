using System.Diagnostics;
using System.Globalization;

namespace GuidanceBot.LoadGen;

/// <summary>The figures of a run, merged from every worker, and how they are printed.</summary>
public sealed record LoadReport(
    LoadOptions Options,
    int ConversationsStarted,
    double MeasuredSeconds,
    long TotalTurns,
    long Errors,
    long WarmupTurns,
    long WarmupErrors,
    double TurnsPerSecond,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs)
{
    public bool HasErrors => Errors + WarmupErrors > 0;

    public static LoadReport From(LoadOptions options, MeasurementWindow window, IReadOnlyList<WorkerTally> tallies)
    {
        var ticks = tallies.SelectMany(t => t.LatencyTicks).ToArray();
        Array.Sort(ticks);
        var turns = tallies.Sum(t => t.MeasuredTurns);
        var lastCompletion = tallies.Max(t => t.LastMeasuredCompletion);
        // Turns started just before the end finish after it; count the time they took too.
        var seconds = turns == 0 ? options.DurationSeconds : (lastCompletion - window.Start) / (double)Stopwatch.Frequency;

        return new LoadReport(
            options,
            tallies.Sum(t => t.ConversationsStarted),
            seconds,
            turns,
            tallies.Sum(t => t.MeasuredErrors),
            tallies.Sum(t => t.WarmupTurns),
            tallies.Sum(t => t.WarmupErrors),
            turns / seconds,
            Percentile(ticks, 50),
            Percentile(ticks, 90),
            Percentile(ticks, 99),
            ticks.Length == 0 ? double.NaN : ToMs(ticks[^1]));
    }

    // Nearest rank on the sorted samples: the smallest latency that p% of turns did not exceed.
    private static double Percentile(long[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return ToMs(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public void Print(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        void Row(string name, string value) => output.WriteLine($"  {name,-16}{value}");

        output.WriteLine($"GuidanceBot load test against {string.Join(", ", Options.MessagesUrls)}");
        Row("conversations", string.Format(c, "{0} concurrent ({1} started, {2} turns each)", Options.Conversations, ConversationsStarted, Options.TurnsPerConversation));
        Row("duration", string.Format(c, "{0:0.00} s measured (after {1} s warm-up: {2} turns, {3} errors)", MeasuredSeconds, Options.WarmupSeconds, WarmupTurns, WarmupErrors));
        Row("total turns", TotalTurns.ToString(c));
        Row("errors", Errors.ToString(c));
        Row("turns/s", TurnsPerSecond.ToString("0.0", c));
        Row("latency p50", Ms(P50Ms));
        Row("latency p90", Ms(P90Ms));
        Row("latency p99", Ms(P99Ms));
        Row("latency max", Ms(MaxMs));

        string Ms(double ms) => double.IsNaN(ms) ? "n/a (no successful turns)" : ms.ToString("0.00", c) + " ms";
    }
}
