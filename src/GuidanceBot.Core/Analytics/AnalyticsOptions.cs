namespace GuidanceBot.Analytics;

/// <summary>Settings under <c>GuidanceBot:Analytics</c>: abandonment, the analytics API's keys, the reporting day.</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "GuidanceBot:Analytics";

    /// <summary>A conversation idle this long with a flow open has that flow recorded as abandoned.</summary>
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the sweep looks for idle conversations.</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Bearer keys accepted by <c>/api/analytics/*</c>; no keys means every request is refused.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Offset of the reporting day from UTC (Vietnam: +07:00, no daylight saving).</summary>
    public TimeSpan DayOffset { get; set; } = TimeSpan.FromHours(7);

    /// <summary>
    /// Figures by commune are shown for a group of at least this many runs; smaller ones read "&lt; N" so a small commune's
    /// figures cannot point to one citizen (docs/analytics.md, "Figures by commune").
    /// </summary>
    public int MinRunsPerCommune { get; set; } = 5;
}
