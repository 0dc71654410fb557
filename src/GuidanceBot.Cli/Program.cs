using GuidanceBot;
using GuidanceBot.Analytics;
using GuidanceBot.Cli;
using GuidanceBot.Cli.Commands;
using GuidanceBot.Engine;
using GuidanceBot.Staff;
using GuidanceBot.Channels.Zalo;
using Microsoft.Extensions.DependencyInjection;

const string Usage = """
    guidancebot — GuidanceBot's terminal tools

      chat [--sqlite PATH] [--conversation ID] [--locale vi-VN|en-US]
                            chat with the bot in the terminal (same engine and SQLite file as the web host)
      validate [DIR]        check the flows in dialogs/ (or DIR); one line per flow, or the errors and exit code 1
      funnel FLOW [--from YYYY-MM-DD --to YYYY-MM-DD --channel C --version V --language vi|en] [--sqlite PATH]
                            print a flow's funnel: per step entered, moved on, ended by reason, median/p90 seconds
      report --from YYYY-MM-DD --to YYYY-MM-DD [--out FILE.csv] [--sqlite PATH]
                            the periodic report (per flow and worst steps) as CSV
      zalo token set [--sqlite PATH]
                            store the first Zalo OA token pair, read from stdin (access token, then refresh token)
      eval [FILE.tsv] [--strong-match 0.5] [--folds 5] [--acts FILE.tsv] [--out-of-scope FILE.tsv]
                            train every intent recogniser on dialogs/ and score it on a labelled set (utterance<TAB>flow-id);
                            --folds also cross-validates on the utterances of dialogs/; then the bot's own decisions on the
                            acts, procedures and out-of-scope sets (the repository's by default)
      classify [--recogniser blend|mlnet|char-ngram|overlap]
                            read utterances on stdin, one per line; print flow-id<TAB>score per line (none below the strong match)
      staff add NAME --role viewer|admin [--password-stdin] [--sqlite PATH] | staff remove NAME | staff list
                            dashboard accounts; the password is asked for (no echo) or read from stdin, never an argument
      apikey add NAME | apikey list | apikey revoke ID [--sqlite PATH]
                            API keys for /api/analytics/* (as on the dashboard's accounts page); add prints the new key once
      places [--province ID] | places find TEXT [--province ID]
                            the province's communes and wards (id<TAB>name<TAB>kind), or what TEXT is recognised as;
                            the province defaults to GuidanceBot:Bot:Province, else thanh-hoa (see docs/places.md)
      forget --channel directline|zalo|CHANNEL --user USER-ID [--sqlite PATH]
                            delete one citizen's conversation state, Direct Line transcript and queue rows (their request
                            under Nghị định 13/2023/NĐ-CP); anonymous analytics events stay
      migrate [--sqlite PATH | --connection CONNECTION-STRING]
                            create the database or bring its schema up to date, and print its version

    Every command that uses the database takes --sqlite PATH (SQLite) or --connection CONNECTION-STRING (PostgreSQL);
    without them it uses GuidanceBot:Storage:Provider, GuidanceBot:Storage:SqlitePath and ConnectionStrings:GuidanceBot.

    Settings come from appsettings.json and environment variables, e.g. GuidanceBot__Storage__SqlitePath.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

var command = args[0];
var options = CommandLine.Parse(args.Skip(1));
try
{
    return await RunAsync(command, options);
}
catch (GuidanceBot.Storage.StorageUnavailableException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

async Task<int> RunAsync(string command, CommandLine options)
{
switch (command)
{
    case "chat":
    {
        using var host = CliHost.Build(options);
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
        using var host = CliHost.Build(options, (services, configuration) => services.AddGuidanceBotAnalytics(configuration));
        var query = host.Services.GetRequiredService<GuidanceBot.Analytics.FunnelQuery>();
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return command == "funnel"
            ? await FunnelCommand.RunAsync(query, options, Console.Out, Console.Error, CancellationToken.None)
            : await ReportCommand.RunAsync(query, options, Console.Out, Console.Error, CancellationToken.None);
    }
    case "zalo":
    {
        using var host = CliHost.Build(options);
        return await ZaloTokenCommand.RunAsync(options.Positional, host.Services.GetRequiredService<IZaloTokenStore>(), options.Named.GetValueOrDefault("expires-in"),
            Console.In, Console.Out, Console.Error);
    }
    case "eval":
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return EvalCommand.Run(options.Positional.FirstOrDefault(), options.Named.GetValueOrDefault("dialogs"),
            options.Named.TryGetValue("strong-match", out var strong) ? double.Parse(strong, System.Globalization.CultureInfo.InvariantCulture) : null,
            Console.Out, Console.Error,
            options.Named.TryGetValue("folds", out var folds) ? int.Parse(folds, System.Globalization.CultureInfo.InvariantCulture) : 0,
            options.Named.GetValueOrDefault("acts"), options.Named.GetValueOrDefault("out-of-scope"));
    case "classify":
    {
        Console.InputEncoding = System.Text.Encoding.UTF8;
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var loaded = GuidanceBot.Content.FlowLoader.LoadDirectory(options.Named.GetValueOrDefault("dialogs") ?? GuidanceBotServices.FindDialogsDirectory(Directory.GetCurrentDirectory()));
        if (!loaded.Ok)
        {
            loaded.Errors.ToList().ForEach(e => Console.Error.WriteLine(e.ToString()));
            return 1;
        }
        var recognizer = GuidanceBot.Language.IntentRecognizers.Train(options.Named.GetValueOrDefault("recogniser", GuidanceBot.Language.IntentRecognizers.Default), loaded.Catalog!);
        return await ClassifyCommand.RunAsync(recognizer, new GuidanceBot.Bot.BotOptions().StrongMatch, Console.In, Console.Out, CancellationToken.None);
    }
    case "staff":
    {
        using var host = CliHost.Build(CommandLine.Parse(args.Skip(1).Where(a => a != "--password-stdin")), (services, _) => services.AddStaffAccounts());
        return await StaffCommand.RunAsync(host.Services.GetRequiredService<GuidanceBot.Staff.StaffAccounts>(), args.Skip(1).ToList(),
            StaffCommand.ReadHidden, Console.In, Console.Out, Console.Error, CancellationToken.None);
    }
    case "apikey":
    {
        using var host = CliHost.Build(options, (services, _) => services.AddApiKeys());
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        // "cli:" cannot be part of a staff name, so the list tells keys made in the terminal from those made on the dashboard.
        return await ApiKeyCommand.RunAsync(host.Services.GetRequiredService<ApiKeys>(), args.Skip(1).ToList(), "cli:" + Environment.UserName,
            Console.Out, Console.Error, CancellationToken.None);
    }
    case "places":
    {
        // The host's settings: GuidanceBot:Bot:Province and the content folder, as the web host reads them.
        using var host = CliHost.Build(options);
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return PlacesCommand.Run(options.Positional,
            options.Named.GetValueOrDefault("province") ?? host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GuidanceBot.Bot.BotOptions>>().Value.Province,
            host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GuidanceBot.Content.ContentOptions>>().Value.Directory,
            Console.Out, Console.Error);
    }
    case "forget":
    {
        using var host = CliHost.Build(options);
        var configuration = host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        var zalo = configuration["GuidanceBot:Zalo:OaSecretKey"] is { Length: > 0 } oaSecretKey
            ? new ZaloConversationId(oaSecretKey, configuration["GuidanceBot:Zalo:ConversationSecret"])
            : null;
        return await ForgetCommand.RunAsync(host.Services.GetRequiredService<GuidanceBot.Privacy.ICitizenData>(), zalo,
            options.Named.GetValueOrDefault("channel"), options.Named.GetValueOrDefault("user"), Console.Out, Console.Error, CancellationToken.None);
    }
    case "migrate":
    {
        using var host = CliHost.Build(options);
        var database = host.Services.GetRequiredService<GuidanceBot.Storage.IStorageDatabase>();
        Console.WriteLine($"{database.Description}: schema version {database.SchemaVersion} ({database.MigrationsApplied} migrations applied now).");
        return 0;
    }
    default:
        Console.Error.WriteLine($"Unknown command '{command}'.");
        Console.Error.WriteLine(Usage);
        return 2;
}
}
