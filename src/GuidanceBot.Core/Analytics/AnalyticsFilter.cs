namespace GuidanceBot.Analytics;

/// <summary>
/// Which runs and events a query covers. Days are reporting days (<see cref="AnalyticsOptions.DayOffset"/>), both ends included;
/// a run belongs to the day it started. Null means "any". <see cref="Commune"/> selects the runs whose citizen named that
/// commune (its id); the queries then apply the small-number rule (<see cref="SmallNumbers"/>).
/// </summary>
public sealed record AnalyticsFilter(DateOnly? From = null, DateOnly? To = null, string? Channel = null, string? Version = null, string? Language = null,
    string? Commune = null)
{
    /// <summary>The day as stored in the roll-ups: yyyymmdd.</summary>
    public static int DayNumber(DateOnly day) => day.Year * 10000 + day.Month * 100 + day.Day;
}
