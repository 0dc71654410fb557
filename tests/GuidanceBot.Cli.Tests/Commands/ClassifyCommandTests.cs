using GuidanceBot.Cli.Commands;
using GuidanceBot.Content;
using GuidanceBot.Language;

namespace GuidanceBot.Tests.Commands;

public class ClassifyCommandTests
{
    private static readonly Lazy<IIntentRecognizer> Recognizer = new(() =>
    {
        var loaded = FlowLoader.LoadDirectory(GuidanceBotServices.FindDialogsDirectory(AppContext.BaseDirectory));
        return IntentRecognizers.Train(IntentRecognizers.Default, loaded.Catalog!);
    });

    private static async Task<string[]> Classify(string input)
    {
        var output = new StringWriter();
        var exit = await ClassifyCommand.RunAsync(Recognizer.Value, 0.5, new StringReader(input), output, CancellationToken.None);
        Assert.Equal(0, exit);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
    }

    [Fact]
    public async Task Prints_one_flow_and_score_per_line_in_order()
    {
        var lines = await Classify("dang ky tam tru\nlàm giấy khai sinh cho con\ngiá vàng hôm nay\n");

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("tam-tru\t", lines[0]);
        Assert.StartsWith("khai-sinh\t", lines[1]);
        Assert.StartsWith("none\t", lines[2]);
        Assert.All(lines, l => Assert.InRange(double.Parse(l.Split('\t')[1], System.Globalization.CultureInfo.InvariantCulture), 0, 1));
    }

    [Fact]
    public async Task Empty_and_10000_character_lines_get_their_own_line()
    {
        var input = string.Join('\n', "", "dang ky tam tru", "   ", new string('x', 10_000), string.Concat(Enumerable.Repeat("đổi bằng lái ", 800))[..10_000], "");

        var lines = await Classify(input + "\n");

        Assert.Equal(6, lines.Length);
        Assert.Equal("none\t0.0000", lines[0]);
        Assert.StartsWith("tam-tru\t", lines[1]);
        Assert.Equal("none\t0.0000", lines[2]);
        Assert.StartsWith("none\t", lines[3]);
        Assert.StartsWith("gplx\t", lines[4]);
        Assert.Equal("none\t0.0000", lines[5]);
    }
}
