namespace GuidanceBot.Analytics;

/// <summary>How a commune's runs started and ended; every count hidden ("&lt; N") when the commune is under the small-number rule.</summary>
public sealed record CommuneRuns(SmallCount Started, SmallCount Completed, SmallCount Abandoned, SmallCount Cancelled, SmallCount HandedOff,
    SmallCount Replaced, SmallCount InProgress);

/// <summary>One commune's line in the figures by commune: null conversion when hidden or when no run started.</summary>
public sealed record CommuneFigures(string Id, string Name, string Kind, CommuneRuns Runs, double? Conversion)
{
    public bool Hidden => Runs.Started.IsHidden;
}

/// <summary>
/// Runs by commune over a filter (one flow or all), shown ones ranked by conversion to completed, then the hidden ones by
/// name. Runs without a commune are in no line and have no total here (docs/analytics.md says why).
/// </summary>
public sealed record CommuneReport(AnalyticsFilter Filter, string? Flow, int MinRuns, IReadOnlyList<CommuneFigures> Communes);
