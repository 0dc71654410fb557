using GuidanceBot;
using GuidanceBot.Analytics;
using GuidanceBot.Cli;
using GuidanceBot.Cli.Commands;
using GuidanceBot.Engine;
using GuidanceBot.Staff;
using GuidanceBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

const string Usage = """
    guidancebot — GuidanceBot's terminal tools

      chat [--sqlite PATH] [--conversation ID] [--locale vi-VN|en-US]
                            chat with the bot in the terminal (same engine and SQLite file as the web host)
      validate [DIR]        check the flows in dialogs/ (or DIR); one line per flow, or the errors and exit code 1
      funnel FLOW [--from YYYY-MM-DD --to YYYY-MM-DD --channel C --version V --language vi|en] [--sqlite PATH]
                            print a flow's funnel: per step entered, moved on, ended by reason, median/p90 seconds
      report --from YYYY-MM-DD --to YYYY-MM-DD [--out FILE.csv] [--sqlite PATH]
                            the periodic report (per flow and worst steps) as CSV
      staff add NAME --role viewer|admin [--password-stdin] [--sqlite PATH] | staff remove NAME | staff list
                            dashboard accounts; the password is asked for (no echo) or read from stdin, never an argument

    Settings come from appsettings.json and environment variables, e.g. GuidanceBot__Storage__SqlitePath.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

var command = args[0];
var options = CommandLine.Parse(args.Skip(1));

switch (command)
{
    case "chat":
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (options.Named.TryGetValue("sqlite", out var path))
        {
            builder.Configuration[$"{StorageOptions.Section}:SqlitePath"] = path;
        }
        builder.Services.AddGuidanceBot(builder.Configuration, development: false);
        using var host = builder.Build();
        var engine = host.Services.GetRequiredService<TurnEngine>();
        Console.InputEncoding = System.Text.Encoding.UTF8;
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return await new ChatCommand(engine, Console.In, Console.Out).RunAsync(
            options.Named.GetValueOrDefault("conversation", "cli-" + Environment.UserName),
            options.Named.GetValueOrDefault("locale", "vi-VN"),
            CancellationToken.None);
    }
    case "validate":
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return ValidateCommand.Run(options.Positional.FirstOrDefault(), Console.Out, Console.Error);
    case "funnel" or "report":
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (options.Named.TryGetValue("sqlite", out var path))
        {
            builder.Configuration[$"{StorageOptions.Section}:SqlitePath"] = path;
        }
        builder.Services.AddGuidanceBot(builder.Configuration, development: false);
        builder.Services.AddGuidanceBotAnalytics(builder.Configuration);
        using var host = builder.Build();
        var query = host.Services.GetRequiredService<GuidanceBot.Analytics.FunnelQuery>();
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return command == "funnel"
            ? await FunnelCommand.RunAsync(query, options, Console.Out, Console.Error, CancellationToken.None)
            : await ReportCommand.RunAsync(query, options, Console.Out, Console.Error, CancellationToken.None);
    }
    case "staff":
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (CommandLine.Parse(args.Skip(1).Where(a => a != "--password-stdin")).Named.TryGetValue("sqlite", out var path))
        {
            builder.Configuration[$"{StorageOptions.Section}:SqlitePath"] = path;
        }
        builder.Services.AddGuidanceBot(builder.Configuration, development: false);
        builder.Services.AddStaffAccounts();
        using var host = builder.Build();
        return await StaffCommand.RunAsync(host.Services.GetRequiredService<GuidanceBot.Staff.StaffAccounts>(), args.Skip(1).ToList(),
            StaffCommand.ReadHidden, Console.In, Console.Out, Console.Error, CancellationToken.None);
    }
    default:
        Console.Error.WriteLine($"Unknown command '{command}'.");
        Console.Error.WriteLine(Usage);
        return 2;
}
