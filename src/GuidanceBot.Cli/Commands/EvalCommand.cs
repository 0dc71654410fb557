using System.CommandLine;
using System.Diagnostics;
using GuidanceBot.Bot;
using GuidanceBot.Content;
using GuidanceBot.Language;

namespace GuidanceBot.Cli.Commands;

/// <summary>
/// <c>guidancebot eval [FILE.tsv]</c>: trains every intent recogniser on dialogs/ and scores it on a labelled set, then
/// scores the bot's own decisions (acts, out of scope, procedures) on the conversation sets.
/// </summary>
public static class EvalCommand
{
    /// <summary>Where the evaluation sets live in the repository, found from the working directory upwards.</summary>
    public const string DefaultSet = "tests/GuidanceBot.Core.Tests/Language/Evaluation/intents.tsv";
    public const string DefaultActsSet = "tests/GuidanceBot.Core.Tests/Language/Evaluation/acts.tsv";
    public const string DefaultOutOfScopeSet = "tests/GuidanceBot.Core.Tests/Language/Evaluation/out-of-scope.tsv";
    public const string DefaultFreshSet = "tests/GuidanceBot.Core.Tests/Language/Evaluation/fresh.tsv";

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
        var acts = new Option<string?>("--acts") { Description = $"The conversational-acts set for the bot's own decisions; by default {DefaultActsSet}.", HelpName = "FILE.tsv" };
        var outOfScope = new Option<string?>("--out-of-scope") { Description = $"The out-of-scope set for the bot's own decisions; by default {DefaultOutOfScopeSet}.", HelpName = "FILE.tsv" };
        var fresh = new Option<string?>("--fresh") { Description = $"A mixed set (acts, flow ids, out-of-scope:topic), all held out, for the bot's own decisions; by default {DefaultFreshSet}.", HelpName = "FILE.tsv" };
        folds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is 1 or < 0)
            {
                result.AddError("--folds must be 2 or more (or 0 for none).");
            }
        });
        var command = new Command("eval", "Train every intent recogniser on dialogs/ and score it on a labelled set; --folds also cross-validates on dialogs/ itself; then score the bot's own decisions on the acts, procedures, out-of-scope and fresh sets.")
        {
            file, strongMatch, folds, dialogs, acts, outOfScope, fresh,
        };
        command.SetAction(parse =>
        {
            var progress = new CliProgress(console, "eval", total: IntentRecognizers.All.Count + parse.GetValue(folds) * IntentRecognizers.FromExamples.Count + 1);
            var exit = Run(parse.GetValue(file), parse.GetValue(dialogs), parse.GetValue(strongMatch), console.Out, console.Error, parse.GetValue(folds),
                parse.GetValue(acts), parse.GetValue(outOfScope), progress, parse.GetValue(fresh));
            progress.Done();
            return exit;
        });
        return command;
    }

    /// <summary>
    /// Prints accuracy overall, without diacritics and on out-of-scope text per recogniser, then per flow and the confusions,
    /// then the conversation table (acts, procedures, out of scope) and its misses; 0, or 1 on bad input.
    /// </summary>
    public static int Run(string? file, string? dialogs, double? strongMatch, TextWriter stdout, TextWriter stderr, int folds = 0,
        string? actsFile = null, string? outOfScopeFile = null, CliProgress? progress = null, string? freshFile = null)
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
        if (Read(file, stderr) is not { } set)
        {
            return 1;
        }

        var threshold = strongMatch ?? new BotOptions().StrongMatch;
        stdout.WriteLine($"{set.Count} utterances from {file}, {set.Count(u => u.IsUnaccented)} without diacritics, {set.Count(u => u.Expected == LabelledUtterance.None)} out of scope; strong match ≥ {threshold}");
        stdout.WriteLine();
        stdout.WriteLine($"{"recogniser",-12} {"overall",-20} {"no diacritics",-20} {"none → none",-20} train");
        var results = new List<(string Name, IntentEvaluation Result)>();
        IIntentRecognizer? registered = null;
        foreach (var (name, train) in IntentRecognizers.All)
        {
            progress?.Step($"training and scoring {name}");
            var clock = Stopwatch.StartNew();
            var recognizer = train(loaded.Catalog!);
            recognizer.Recognize("khởi động", 1);
            var trained = clock.Elapsed;
            var result = IntentEvaluation.Run(recognizer, set, threshold);
            results.Add((name, result));
            var marker = "";
            if (name == IntentRecognizers.Default)
            {
                // The bot's decisions below run on this one rather than training it a second time.
                registered = recognizer;
                marker = " (registered)";
            }
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
        progress?.Step("scoring the bot's decisions");
        return Conversation(loaded.Catalog!, registered!, set, actsFile ?? FindUpwards(DefaultActsSet), outOfScopeFile ?? FindUpwards(DefaultOutOfScopeSet),
            freshFile ?? FindUpwards(DefaultFreshSet), freshFile is not null, strongMatch, stdout, stderr);
    }

    /// <summary>The bot's own decisions with nothing running, through the registered recogniser (trained above), on each set it has.</summary>
    private static int Conversation(FlowCatalog catalog, IIntentRecognizer registered, IReadOnlyList<LabelledUtterance> procedures, string? actsFile, string? outOfScopeFile,
        string? freshFile, bool freshGiven, double? strongMatch, TextWriter stdout, TextWriter stderr)
    {
        var options = new BotOptions();
        if (strongMatch is { } strong)
        {
            options.StrongMatch = strong;
            options.ConfirmMatch = Math.Min(options.ConfirmMatch, strong);
        }
        var reader = new MessageReader(() => catalog, registered, options);
        var sets = new List<(string Name, ConversationEvaluation Result)>();
        if (actsFile is not null)
        {
            if (Read(actsFile, stderr) is not { } acts)
            {
                return 1;
            }
            sets.Add(("acts", ConversationEvaluation.Acts(reader, acts)));
        }
        sets.Add(("procedures", ConversationEvaluation.Procedures(reader, procedures)));
        if (outOfScopeFile is not null)
        {
            if (Read(outOfScopeFile, stderr) is not { } outOfScope)
            {
                return 1;
            }
            sets.Add(("out of scope", ConversationEvaluation.OutOfScope(reader, outOfScope)));
        }
        if (freshFile is not null)
        {
            if (Read(freshFile, stderr) is not { } freshSet)
            {
                return 1;
            }
            if (freshSet.FirstOrDefault(u => !IsConversationLabel(catalog, u.Expected)) is { } unknown)
            {
                // The repository's set names the repository's flows: with other content (--dialogs) it is left out, not an error.
                if (freshGiven)
                {
                    stderr.WriteLine($"{freshFile}: '{unknown.Expected}' (for '{unknown.Text}') is neither an act, a flow id nor out-of-scope:<topic>.");
                    return 1;
                }
                stdout.WriteLine($"{freshFile} left out: '{unknown.Expected}' is not in this content.");
            }
            else
            {
                // The whole fresh set is held out: its dev/held-out columns are only the odd and even lines.
                sets.Add(("fresh", ConversationEvaluation.Mixed(reader, freshSet)));
            }
        }

        stdout.WriteLine();
        stdout.WriteLine($"The bot's decisions with nothing running ({IntentRecognizers.Default}, strong ≥ {options.StrongMatch}, confirm ≥ {options.ConfirmMatch}, out of scope ≥ {options.OutOfScopeMatch}):");
        stdout.WriteLine($"{"set",-14} {"accuracy",-20} {"dev half",-20} {"held-out half",-20} {"no diacritics",-20}");
        foreach (var (name, result) in sets)
        {
            stdout.WriteLine($"{name,-14} {result.Overall,-20} {result.Dev,-20} {result.HeldOut,-20} {result.Unaccented,-20}"
                + (result.RightTopic is { } topic ? $" right topic {topic}" : "")
                + (result.NotAPhrase is { } unlisted ? $" lines not in the phrase list {unlisted}" : ""));
        }
        foreach (var (name, result) in sets)
        {
            stdout.WriteLine();
            stdout.WriteLine($"Misses on {name} ({result.Misses.Count}): line (dev/held-out) expected → decided  text");
            foreach (var miss in result.Misses)
            {
                stdout.WriteLine($"  #{miss.Position} {(miss.InDevHalf ? "dev" : "held-out")} {miss.Expected} → {miss.Decided}  {miss.Text}");
            }
        }
        return 0;
    }

    private static bool IsConversationLabel(FlowCatalog catalog, string label) =>
        ConversationalActs.FromName(label) is not null || catalog.Find(label) is not null
        || OutOfScopeTopic.IsIntent(label) && catalog.FindOutOfScope(label) is not null;

    private static IReadOnlyList<LabelledUtterance>? Read(string file, TextWriter stderr)
    {
        try
        {
            using var reader = File.OpenText(file);
            return LabelledUtterance.ReadTsv(reader);
        }
        catch (FormatException e)
        {
            stderr.WriteLine($"{file}: {e.Message}");
            return null;
        }
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
