namespace GuidanceBot.Language;

/// <summary>Turns per-flow scores into the best-first list recognisers return.</summary>
internal static class IntentRanking
{
    /// <summary>Marks a flow the message says nothing about; such flows are left out of the list.</summary>
    public const double Absent = -1;

    /// <summary>
    /// Up to <paramref name="top"/> flows with a score, best first, ties in ordinal order of flow id; scores rounded to
    /// four decimals after ranking; it marks the flows it picks absent in <paramref name="scores"/>. Selection rather than
    /// sorting: there are a handful of flows and usually three wanted.
    /// </summary>
    public static IReadOnlyList<IntentMatch> Top(Span<double> scores, string[] flows, int top)
    {
        var present = 0;
        foreach (var score in scores)
        {
            present += score >= 0 ? 1 : 0;
        }
        var result = new List<IntentMatch>(Math.Clamp(top, 0, present));
        while (result.Count < result.Capacity)
        {
            var best = -1;
            for (var i = 0; i < scores.Length; i++)
            {
                if (scores[i] >= 0 && (best < 0 || scores[i] > scores[best] || (scores[i] == scores[best] && string.CompareOrdinal(flows[i], flows[best]) < 0)))
                {
                    best = i;
                }
            }
            result.Add(new IntentMatch(flows[best], Math.Round(scores[best], 4)));
            scores[best] = Absent;
        }
        return result;
    }
}
