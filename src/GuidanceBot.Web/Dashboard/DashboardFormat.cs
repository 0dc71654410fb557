using System.Globalization;

namespace GuidanceBot.Web.Dashboard;

/// <summary>How the dashboard writes figures, ratios, durations and moments, the same in both languages.</summary>
public static class DashboardFormat
{
    private static readonly CultureInfo Vietnam = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A count with Vietnamese digit grouping: 1.234.567.</summary>
    public static string N(long value) => value.ToString("#,0", Vietnam);

    /// <summary>A ratio as a percentage with one decimal: 42.9 %; "–" when there is none.</summary>
    public static string P(double? ratio) => ratio is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "–";

    /// <summary>A duration: 45 s, 3 ph 20 s (minutes in the page's language), 1.5 h; "–" when there is none.</summary>
    public static string Seconds(double? seconds, string minutes) => seconds switch
    {
        null => "–",
        < 60 => seconds.Value.ToString("0", CultureInfo.InvariantCulture) + " s",
        < 3600 => $"{Math.Floor(seconds.Value / 60).ToString("0", CultureInfo.InvariantCulture)} {minutes} {(seconds.Value % 60).ToString("0", CultureInfo.InvariantCulture)} s",
        _ => (seconds.Value / 3600).ToString("0.#", CultureInfo.InvariantCulture) + " h",
    };

    /// <summary>A moment in the reporting day's offset (Vietnam time by default): 20/11/2026 09:05; "–" when none.</summary>
    public static string When(DateTimeOffset? at, TimeSpan offset) =>
        at is { } t ? t.ToOffset(offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "–";

    /// <summary>A reporting day as staff read it: 20/11/2026 (in addresses it is 2026-11-20, <see cref="DashboardFilter.Day"/>).</summary>
    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
