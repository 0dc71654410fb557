using GuidanceBot.Language;

namespace GuidanceBot.Cli.Commands;

/// <summary><c>guidancebot classify</c>: one <c>flow-id⇥score</c> line per input line, in order; <c>none</c> below the strong-match score.</summary>
public static class ClassifyCommand
{
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
