namespace GuidanceBot.Analytics;

/// <summary>
/// Which runs and events a query covers. Days are reporting days (<see cref="AnalyticsOptions.DayOffset"/>), both ends included;
/// a run belongs to the day it started. Null means "any". <see cref="Commune"/> selects the runs whose citizen named that
/// commune (its id); the queries then apply the small-number rule (<see cref="SmallNumbers"/>).
/// </summary>
public sealed record AnalyticsFilter(DateOnly? From = null, DateOnly? To = null, string? Channel = null, string? Version = null, string? Language = null,
    string? Commune = null)
{
    /// <summary>The earliest day a query can name; before it, the day's start in local time falls outside <see cref="DateTimeOffset"/>'s range.</summary>
    public static readonly DateOnly FirstDay = new(2000, 1, 1);

    /// <summary>The latest day a query can name; after it, "the next day" and time zones run past year 9999.</summary>
    public static readonly DateOnly LastDay = new(2999, 12, 31);

    /// <summary>True when <paramref name="day"/> is between <see cref="FirstDay"/> and <see cref="LastDay"/>.</summary>
    public static bool IsQueryable(DateOnly day) => day >= FirstDay && day <= LastDay;

    /// <summary>The day as stored in the roll-ups: yyyymmdd.</summary>
    public static int DayNumber(DateOnly day) => day.Year * 10000 + day.Month * 100 + day.Day;
}
