using System.CommandLine;
using GuidanceBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Cli.Commands;

/// <summary><c>guidancebot migrate</c>: creates the database or brings its schema up to date, and prints its version.</summary>
public static class MigrateCommand
{
    public static Command Create(CliConsole console, DatabaseOptions database)
    {
        var command = new Command("migrate", "Create the database or bring its schema up to date (the web host does this too when it starts), and print its version.");
        command.SetAction(parse =>
        {
            var progress = new CliProgress(console, "migrate", total: 2);
            progress.Step("reading the settings");
            using var host = CliHost.Build(parse, database);
            progress.Step("opening the database and applying the migrations it lacks");
            // The database applies what it lacks when it is first opened.
            var opened = host.Services.GetRequiredService<IStorageDatabase>();
            progress.Done();
            console.Out.WriteLine($"{opened.Description}: schema version {opened.SchemaVersion} ({opened.MigrationsApplied} migrations applied now).");
            return 0;
        });
        return command;
    }
}
