using System.CommandLine;
using System.Diagnostics;
using GuidanceBot.Bot;
using GuidanceBot.Content;
using GuidanceBot.Language;

namespace GuidanceBot.Cli.Commands;

/// <summary><c>guidancebot eval [FILE.tsv]</c>: trains every intent recogniser on dialogs/ and scores it on a labelled set.</summary>
public static class EvalCommand
{
    /// <summary>Where the evaluation set lives in the repository, found from the working directory upwards.</summary>
    public const string DefaultSet = "tests/GuidanceBot.Core.Tests/Language/Evaluation/intents.tsv";

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string?>("FILE.tsv")
        {
            Description = $"The labelled set, one utterance<TAB>flow-id per line (none for out of scope); by default {DefaultSet}.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var strongMatch = new Option<double?>("--strong-match") { Description = "The score from which an answer counts as a match (default: the bot's setting, 0.5).", HelpName = "SCORE" };
        var folds = new Option<int>("--folds") { Description = "Also cross-validate on the utterances of dialogs/ in this many folds (2 or more).", HelpName = "N" };
        var dialogs = new Option<string?>("--dialogs") { Description = "The flow folder to train on; by default dialogs/ here or in a parent folder.", HelpName = "DIR" };
        folds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is 1 or < 0)
            {
                result.AddError("--folds must be 2 or more (or 0 for none).");
            }
        });
        var command = new Command("eval", "Train every intent recogniser on dialogs/ and score it on a labelled set; --folds also cross-validates on dialogs/ itself.")
        {
            file, strongMatch, folds, dialogs,
        };
        command.SetAction(parse =>
        {
            var progress = new CliProgress(console, "eval", total: IntentRecognizers.All.Count + parse.GetValue(folds) * IntentRecognizers.FromExamples.Count);
            var exit = Run(parse.GetValue(file), parse.GetValue(dialogs), parse.GetValue(strongMatch), console.Out, console.Error, parse.GetValue(folds), progress);
            progress.Done();
            return exit;
        });
        return command;
    }

    /// <summary>Prints accuracy overall, without diacritics and on out-of-scope text per recogniser, then per flow and the confusions; 0, or 1 on bad input.</summary>
    public static int Run(string? file, string? dialogs, double? strongMatch, TextWriter stdout, TextWriter stderr, int folds = 0, CliProgress? progress = null)
    {
        file ??= FindUpwards(DefaultSet);
        if (file is null || !File.Exists(file))
        {
            stderr.WriteLine($"No evaluation set: give the file, e.g. guidancebot eval {DefaultSet}");
            return 1;
        }
        var loaded = FlowLoader.LoadDirectory(dialogs ?? GuidanceBotServices.FindDialogsDirectory(Directory.GetCurrentDirectory()));
        if (!loaded.Ok)
        {
            foreach (var error in loaded.Errors)
                stderr.WriteLine(error.ToString());
            return 1;
        }
        IReadOnlyList<LabelledUtterance> set;
        try
        {
            using var reader = File.OpenText(file);
            set = LabelledUtterance.ReadTsv(reader);
        }
        catch (FormatException e)
        {
            stderr.WriteLine($"{file}: {e.Message}");
            return 1;
        }

        var threshold = strongMatch ?? new BotOptions().StrongMatch;
        stdout.WriteLine($"{set.Count} utterances from {file}, {set.Count(u => u.IsUnaccented)} without diacritics, {set.Count(u => u.Expected == LabelledUtterance.None)} out of scope; strong match ≥ {threshold}");
        stdout.WriteLine();
        stdout.WriteLine($"{"recogniser",-12} {"overall",-20} {"no diacritics",-20} {"none → none",-20} train");
        var results = new List<(string Name, IntentEvaluation Result)>();
        foreach (var (name, train) in IntentRecognizers.All)
        {
            progress?.Step($"training and scoring {name}");
            var clock = Stopwatch.StartNew();
            var recognizer = train(loaded.Catalog!);
            recognizer.Recognize("khởi động", 1);
            var trained = clock.Elapsed;
            var result = IntentEvaluation.Run(recognizer, set, threshold);
            results.Add((name, result));
            var marker = name == IntentRecognizers.Default ? " (registered)" : "";
            stdout.WriteLine($"{name,-12} {result.Overall,-20} {result.Unaccented,-20} {result.None,-20} {trained.TotalMilliseconds:0} ms{marker}");
        }

        stdout.WriteLine();
        stdout.WriteLine("Per label (correct/total): " + string.Join("  ", results.Select(r => r.Name)));
        foreach (var label in results[0].Result.PerLabel.Keys)
        {
            stdout.WriteLine($"  {label,-22}" + string.Join("  ", results.Select(r => $"{r.Result.PerLabel[label].Correct,3}/{r.Result.PerLabel[label].Total,-3}")));
        }
        if (folds >= 2)
        {
            var examples = IntentTraining.Examples(loaded.Catalog!);
            stdout.WriteLine();
            stdout.WriteLine($"{folds}-fold cross-validation on the {examples.Count} utterances and titles of dialogs/ (all in scope):");
            foreach (var (name, train) in IntentRecognizers.FromExamples)
            {
                var fold = 0;
                var result = IntentEvaluation.CrossValidate(part =>
                {
                    progress?.Step($"{name}, fold {++fold} of {folds}");
                    return train(part);
                }, examples, folds, threshold);
                stdout.WriteLine($"{name,-12} {result.Overall,-20} {result.Unaccented,-20}");
            }
        }
        foreach (var (name, result) in results)
        {
            stdout.WriteLine();
            stdout.WriteLine($"Confusions of {name} ({result.Misses.Count}): expected → answered (score)  text");
            foreach (var group in result.Misses.GroupBy(m => (m.Expected, m.Predicted)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Expected, StringComparer.Ordinal))
            {
                foreach (var miss in group)
                {
                    stdout.WriteLine($"  {miss.Expected} → {miss.Predicted} ({miss.Score:0.00})  {miss.Text}");
                }
            }
        }
        return 0;
    }

    private static string? FindUpwards(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
