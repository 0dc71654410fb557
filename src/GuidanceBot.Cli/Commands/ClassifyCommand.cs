using System.CommandLine;
using GuidanceBot.Content;
using GuidanceBot.Language;

namespace GuidanceBot.Cli.Commands;

/// <summary><c>guidancebot classify</c>: one <c>flow-id⇥score</c> line per input line, in order; <c>none</c> below the strong-match score.</summary>
public static class ClassifyCommand
{
    public static Command Create(CliConsole console)
    {
        var recogniser = new Option<string>("--recogniser")
        {
            Description = "The intent recogniser to train.",
            DefaultValueFactory = _ => IntentRecognizers.Default,
        };
        recogniser.AcceptOnlyFromAmong([.. IntentRecognizers.All.Select(r => r.Name)]);
        var dialogs = new Option<string?>("--dialogs") { Description = "The flow folder to train on; by default dialogs/ here or in a parent folder.", HelpName = "DIR" };
        var command = new Command("classify", "Read utterances on standard input, one per line; print flow-id<TAB>score per line (none below the strong match).")
        {
            recogniser, dialogs,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = FlowLoader.LoadDirectory(parse.GetValue(dialogs) ?? GuidanceBotServices.FindDialogsDirectory(Directory.GetCurrentDirectory()));
            if (!loaded.Ok)
            {
                foreach (var error in loaded.Errors)
                    console.Error.WriteLine(error.ToString());
                return 1;
            }
            var recognizer = IntentRecognizers.Train(parse.GetValue(recogniser)!, loaded.Catalog!);
            return await RunAsync(recognizer, new Bot.BotOptions().StrongMatch, console.In, console.Out, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(IIntentRecognizer recognizer, double strongMatch, TextReader stdin, TextWriter stdout, CancellationToken cancellationToken)
    {
        while (await stdin.ReadLineAsync(cancellationToken) is { } line)
        {
            // An empty line still gets its answer line, so outputs stay aligned with inputs.
            var (label, score) = string.IsNullOrWhiteSpace(line)
                ? (LabelledUtterance.None, 0)
                : IntentEvaluation.Decide(recognizer, line, strongMatch);
            await stdout.WriteLineAsync($"{label}\t{score.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)}".AsMemory(), cancellationToken);
        }
        await stdout.FlushAsync(cancellationToken);
        return 0;
    }
}
