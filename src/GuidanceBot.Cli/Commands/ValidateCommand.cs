using System.CommandLine;
using GuidanceBot.Content;

namespace GuidanceBot.Cli.Commands;

/// <summary><c>guidancebot validate [directory]</c>: checks every flow file the way the bot loads them at start-up.</summary>
public static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string?>("DIR")
        {
            Description = "The flow folder; by default dialogs/ here or in a parent folder.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("validate", "Check the flows in dialogs/ (or DIR): one line per flow (id, steps, content version), or every error as file:line:column and exit code 1.")
        {
            directory,
        };
        command.SetAction(parse => Run(parse.GetValue(directory), console.Out, console.Error));
        return command;
    }

    /// <summary>
    /// Prints <c>id⇥steps⇥content-version</c> per flow and returns 0, or prints every error as
    /// <c>file:line:column: message</c> to <paramref name="stderr"/> and returns 1.
    /// </summary>
    /// <param name="directory">The flow folder; null looks for <c>dialogs/</c> here and in each parent folder.</param>
    public static int Run(string? directory, TextWriter stdout, TextWriter stderr)
    {
        directory ??= FindDialogs(Directory.GetCurrentDirectory());
        if (directory is null)
        {
            stderr.WriteLine("No dialogs/ folder here or in any parent folder: give the folder, e.g. guidancebot validate path/to/dialogs");
            return 1;
        }

        // Paths relative to where the command runs are what staff can click or type.
        var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), directory);
        var result = FlowLoader.LoadDirectory(shown);
        if (!result.Ok)
        {
            foreach (var error in result.Errors)
                stderr.WriteLine(error.ToString());
            return 1;
        }

        var flows = result.Catalog!.Flows;
        if (flows.Count == 0)
        {
            stderr.WriteLine($"{shown}: no flow files (*.yaml) found");
            return 1;
        }
        foreach (var flow in flows)
            stdout.WriteLine($"{flow.Id}\t{flow.Steps.Count}\t{flow.ContentVersion}");
        return 0;
    }

    private static string? FindDialogs(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "dialogs");
            if (Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
