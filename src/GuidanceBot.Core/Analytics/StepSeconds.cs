namespace GuidanceBot.Analytics;

/// <summary>
/// Time at a step is rolled up as a histogram: exact seconds below ten minutes, then buckets 5 % wide,
/// so medians and p90s over any date range come from sums without keeping every run.
/// </summary>
public static class StepSeconds
{
    private const int ExactBelow = 600;
    private const double Growth = 1.05;

    public static int Bucket(long seconds) =>
        seconds < ExactBelow ? (int)Math.Max(0, seconds) : ExactBelow + (int)Math.Floor(Math.Log((double)seconds / ExactBelow, Growth));

    /// <summary>The smallest number of seconds that falls in the bucket.</summary>
    public static double Lower(int bucket) =>
        bucket < ExactBelow ? bucket : Math.Ceiling(ExactBelow * Math.Pow(Growth, bucket - ExactBelow));

    /// <summary>Nearest-rank percentile (0 &lt; p ≤ 1) of a histogram given as (bucket, count); null when empty.</summary>
    public static double? Percentile(IReadOnlyList<(int Bucket, long Count)> histogram, double p)
    {
        var total = histogram.Sum(h => h.Count);
        if (total == 0)
        {
            return null;
        }
        var rank = (long)Math.Ceiling(p * total);
        long seen = 0;
        foreach (var (bucket, count) in histogram.OrderBy(h => h.Bucket))
        {
            seen += count;
            if (seen >= rank)
            {
                return Lower(bucket);
            }
        }
        return Lower(histogram.Max(h => h.Bucket));
    }
}
