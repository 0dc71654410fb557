using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using GuidanceBot.Analytics;

namespace GuidanceBot.Cli.Commands;

/// <summary>The filters the analytics commands share: --from --to (reporting days, yyyy-MM-dd) --channel --version --language.</summary>
public sealed class FilterOptions
{
    public FilterOptions(bool datesRequired)
    {
        From = Day("--from", "The first reporting day (yyyy-MM-dd), included.", datesRequired);
        To = Day("--to", "The last reporting day (yyyy-MM-dd), included.", datesRequired);
        Language.AcceptOnlyFromAmong("vi", "en");
    }

    public Option<DateOnly?> From { get; }

    public Option<DateOnly?> To { get; }

    public Option<string?> Channel { get; } = new("--channel") { Description = "Only this channel: webchat, directline, zalo, emulator…", HelpName = "CHANNEL" };

    public Option<string?> Version { get; } = new("--version") { Description = "Only this content version of the flow (see `validate`).", HelpName = "VERSION" };

    public Option<string?> Language { get; } = new("--language") { Description = "Only conversations in this language." };

    public void AddTo(Command command)
    {
        command.Add(From);
        command.Add(To);
        command.Add(Channel);
        command.Add(Version);
        command.Add(Language);
    }

    public AnalyticsFilter Read(ParseResult parse) =>
        new(parse.GetValue(From), parse.GetValue(To), parse.GetValue(Channel), parse.GetValue(Version), parse.GetValue(Language));

    private static Option<DateOnly?> Day(string name, string description, bool required) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        Required = required,
        CustomParser = result => Parse(name, result),
    };

    private static DateOnly? Parse(string name, ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        result.AddError($"{name} must be a date written yyyy-MM-dd, e.g. 2026-11-30; got '{text}'.");
        return null;
    }
}
