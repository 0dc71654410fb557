using GuidanceBot.Cli;

return await GuidanceBotCli.RunAsync(args, CliConsole.FromProcess(), CancellationToken.None);
