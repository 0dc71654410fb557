using System.Globalization;

namespace GuidanceBot.Web.Dashboard;

/// <summary>
/// The period and filters a dashboard page shows, read from its query string: from, to (yyyy-MM-dd), channel, version,
/// language. Missing or unreadable dates fall back to the last 30 reporting days, so a page always renders.
/// </summary>
public sealed record DashboardFilter(DateOnly From, DateOnly To, string? Channel, string? Version, string? Language)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 400;

    public AnalyticsFilter Analytics => new(From, To, Channel, Version, Language);

    public IEnumerable<DateOnly> Days()
    {
        for (var day = From; day <= To; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>The query string for these filters (for links and the CSV export of the same view).</summary>
    public string Query(params (string Name, string? Value)[] extra)
    {
        var pairs = new List<(string, string?)> { ("from", Day(From)), ("to", Day(To)), ("channel", Channel), ("version", Version), ("language", Language) };
        pairs.AddRange(extra);
        return string.Join("&", pairs.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Today as a reporting day (Vietnam's date by default).</summary>
    public static DateOnly Today(HttpContext http) =>
        DateOnly.FromDateTime(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()
            .ToOffset(http.RequestServices.GetRequiredService<IOptions<AnalyticsOptions>>().Value.DayOffset).DateTime);

    public static DashboardFilter Read(HttpContext http)
    {
        var today = Today(http);
        var to = ReadDay(http, "to") ?? today;
        var from = ReadDay(http, "from") ?? to.AddDays(-(DefaultDays - 1));
        if (from > to)
        {
            (from, to) = (to, from);
        }
        if (to.DayNumber - from.DayNumber >= MaxDays)
        {
            from = to.AddDays(-(MaxDays - 1));
        }
        var language = Optional(http, "language");
        return new DashboardFilter(from, to, Optional(http, "channel"), Optional(http, "version"), language is "vi" or "en" ? language : null);
    }

    public static string? Optional(HttpContext http, string name) =>
        http.Request.Query[name].ToString().Trim() is { Length: > 0 and <= 100 } value ? value : null;

    private static DateOnly? ReadDay(HttpContext http, string name) =>
        DateOnly.TryParseExact(http.Request.Query[name].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
