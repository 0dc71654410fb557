using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using GuidanceBot.Cli.Commands;
using GuidanceBot.Storage;

namespace GuidanceBot.Cli;

/// <summary>
/// <c>guidancebot</c>'s commands on System.CommandLine: every command and option documented by <c>--help</c>; an unknown
/// command or option, a missing argument or a bad value is refused with the parser's message and exit code 2.
/// </summary>
public static class GuidanceBotCli
{
    /// <summary>Exit code for a command line the parser refuses.</summary>
    public const int BadUsage = 2;

    public static RootCommand Create(CliConsole console)
    {
        var database = new DatabaseOptions();
        return new RootCommand("""
            guidancebot — GuidanceBot's terminal tools: chat with the bot, check and evaluate the content in dialogs/, read
            analytics, manage dashboard accounts, API keys and the Zalo token, migrate the database.

            Commands that use the database take --sqlite PATH (SQLite) or --connection CONNECTION-STRING (PostgreSQL);
            without them they use GuidanceBot:Storage:Provider, GuidanceBot:Storage:SqlitePath and ConnectionStrings:GuidanceBot
            from appsettings.json and environment variables (e.g. GuidanceBot__Storage__SqlitePath).
            """)
        {
            database.Sqlite,
            database.Connection,
            ChatCommand.Create(console, database),
            ValidateCommand.Create(console),
            FunnelCommand.Create(console, database),
            ReportCommand.Create(console, database),
            ZaloTokenCommand.Create(console, database),
            EvalCommand.Create(console),
            ClassifyCommand.Create(console),
            StaffCommand.Create(console, database),
            ApiKeyCommand.Create(console, database),
            PlacesCommand.Create(console, database),
            MigrateCommand.Create(console, database),
        };
    }

    /// <summary>Parses and runs a command line; the command's exit code, or 2 for a command line the parser refuses.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var parse = Create(console).Parse(args);
        var errors = parse.Errors.Select(e => e.Message).Concat(UnknownOptionsTakenAsText(parse)).ToList();
        if (errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var error in errors)
            {
                console.Error.WriteLine(error);
            }
            console.Error.WriteLine($"See '{CommandPath(parse)} --help'.");
            return BadUsage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>
    /// An argument that takes several words (<c>apikey add NAME…</c>, <c>places find TEXT…</c>) would also take a mistyped
    /// option as a word; a word starting with "-" there is an unknown option.
    /// </summary>
    private static IEnumerable<string> UnknownOptionsTakenAsText(ParseResult parse)
    {
        for (var command = parse.CommandResult; command is not null; command = command.Parent as CommandResult)
        {
            foreach (var token in command.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens))
            {
                if (token.Value.Length > 1 && token.Value[0] == '-' && !char.IsDigit(token.Value[1]))
                {
                    yield return $"Unrecognized command or argument '{token.Value}'.";
                }
            }
        }
    }

    /// <summary>"guidancebot staff add" for the command the line reached.</summary>
    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            names.Insert(0, result.Command is RootCommand ? "guidancebot" : result.Command.Name);
        }
        return string.Join(' ', names);
    }
}
