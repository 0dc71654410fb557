namespace GuidanceBot.Analytics;

/// <summary>
/// The small-number rule for figures by commune: a group of fewer than the minimum of runs is not shown, and neither is
/// a group whose runs could be worked out by subtracting the shown groups from a total another query gives (docs/analytics.md).
/// </summary>
public static class SmallNumbers
{
    /// <summary>
    /// The indexes of the groups to hide: those under <paramref name="min"/> runs; then, while the runs not shown — the hidden
    /// groups and <paramref name="unlisted"/> runs no group holds (runs without a commune) — are more than none but fewer
    /// than <paramref name="min"/>, the smallest shown group too. So the total minus the shown groups is 0 or at least the minimum.
    /// </summary>
    public static IReadOnlySet<int> Hidden(IReadOnlyList<long> runs, long unlisted, int min)
    {
        var hidden = new HashSet<int>();
        var remainder = unlisted;
        for (var i = 0; i < runs.Count; i++)
        {
            if (runs[i] < min)
            {
                hidden.Add(i);
                remainder += runs[i];
            }
        }
        var shown = Enumerable.Range(0, runs.Count).Where(i => !hidden.Contains(i)).OrderBy(i => runs[i]).ThenBy(i => i).ToList();
        foreach (var next in shown)
        {
            if (remainder == 0 || remainder >= min)
            {
                break;
            }
            hidden.Add(next);
            remainder += runs[next];
        }
        return hidden;
    }
}
