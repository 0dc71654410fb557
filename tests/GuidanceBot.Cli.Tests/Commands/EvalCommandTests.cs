using GuidanceBot.Cli.Commands;

namespace GuidanceBot.Tests.Commands;

public sealed class EvalCommandTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"guidancebot-eval-{Guid.NewGuid():N}.tsv");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Prints_accuracy_per_recogniser_and_the_confusions()
    {
        File.WriteAllText(_file, "# comment\ndang ky tam tru\ttam-tru\nlàm giấy khai sinh cho con\tkhai-sinh\ngiá vàng hôm nay\tnone\nđổi bằng lái\tho-chieu\n");
        var output = new StringWriter();

        var exit = EvalCommand.Run(_file, GuidanceBotServices.FindDialogsDirectory(AppContext.BaseDirectory), null, output, new StringWriter());

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("4 utterances", text);
        Assert.Contains("blend", text);
        Assert.Contains("overlap", text);
        Assert.Contains("ho-chieu → gplx", text);
    }

    [Fact]
    public void Prints_the_bots_own_decisions_on_the_acts_procedures_and_out_of_scope_sets()
    {
        File.WriteAllText(_file, "dang ky tam tru\ttam-tru\ngiá vàng hôm nay\tnone\n");
        var acts = _file + ".acts";
        var outOfScope = _file + ".oos";
        File.WriteAllText(acts, "xin chào ad\tgreeting\ncảm ơn nhiều\tthanks\n");
        File.WriteAllText(outOfScope, "thủ tục ly hôn\ttoa-an\n");
        var output = new StringWriter();
        try
        {
            var exit = EvalCommand.Run(_file, GuidanceBotServices.FindDialogsDirectory(AppContext.BaseDirectory), null, output, new StringWriter(),
                actsFile: acts, outOfScopeFile: outOfScope);

            Assert.Equal(0, exit);
            var text = output.ToString();
            Assert.Contains("The bot's decisions with nothing running", text);
            Assert.Matches(@"acts\s+100\.0 % \(2/2\)", text);
            Assert.Matches(@"procedures\s+100\.0 % \(2/2\)", text);
            Assert.Matches(@"out of scope\s+100\.0 % \(1/1\)", text);
        }
        finally
        {
            File.Delete(acts);
            File.Delete(outOfScope);
        }
    }

    [Fact]
    public void A_line_without_a_label_is_an_error()
    {
        File.WriteAllText(_file, "dang ky tam tru\n");
        var error = new StringWriter();

        Assert.Equal(1, EvalCommand.Run(_file, null, null, new StringWriter(), error));
        Assert.Contains("Line 1", error.ToString());
    }

    [Fact]
    public async Task Cross_validation_shows_each_recogniser_and_fold_as_it_goes()
    {
        File.WriteAllText(_file, "dang ky tam tru\ttam-tru\nđăng nhập dịch vụ công\tdang-nhap-mini\n");
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");

        var (exit, output, error) = await Cli.RunAsync(["eval", _file, "--dialogs", fixtures, "--folds", "2"]);

        Assert.Equal(0, exit);
        Assert.Contains("2-fold cross-validation", output);
        var steps = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("eval [", StringComparison.Ordinal)).ToList();
        // Each recogniser, each fold of those that learn from examples, then the bot's own decisions.
        var total = GuidanceBot.Language.IntentRecognizers.All.Count + 2 * GuidanceBot.Language.IntentRecognizers.FromExamples.Count + 1;
        Assert.Equal(total, steps.Count);
        Assert.StartsWith($"eval [1/{total}]: training and scoring", steps[0]);
        Assert.Equal($"eval [{total}/{total}]: scoring the bot's decisions", steps[^1].TrimEnd());
        Assert.Contains(steps, s => s.EndsWith("fold 2 of 2", StringComparison.Ordinal));
    }
}
