using System.Globalization;
using GuidanceBot.Analytics;

namespace GuidanceBot.Cli.Commands;

/// <summary>The filter options the analytics commands share: --from --to (yyyy-MM-dd) --channel --version --language.</summary>
public static class AnalyticsArguments
{
    public static bool TryFilter(CommandLine options, TextWriter stderr, out AnalyticsFilter filter)
    {
        filter = new AnalyticsFilter();
        DateOnly? from = null, to = null;
        foreach (var name in new[] { "from", "to" })
        {
            if (!options.Named.TryGetValue(name, out var text))
            {
                continue;
            }
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                stderr.WriteLine($"--{name} must be a date written yyyy-MM-dd, e.g. 2026-11-30; got '{text}'.");
                return false;
            }
            if (name == "from") from = day; else to = day;
        }
        filter = new AnalyticsFilter(from, to, options.Named.GetValueOrDefault("channel"), options.Named.GetValueOrDefault("version"),
            options.Named.GetValueOrDefault("language"));
        return true;
    }
}
