using GuidanceBot.Cli.Commands;

namespace GuidanceBot.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("guidancebot-validate-").FullName;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public ValidateCommandTests()
    {
        // The loader's own fixtures: a small valid procedure and the account guide it calls.
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.yaml"))
            File.Copy(file, Path.Combine(_directory, Path.GetFileName(file)));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Valid_content_prints_one_line_per_flow_and_exits_0()
    {
        var exit = ValidateCommand.Run(_directory, _stdout, _stderr);

        Assert.Equal(0, exit);
        Assert.Equal("", _stderr.ToString());
        var lines = _stdout.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches("^dang-nhap-mini\t5\t[0-9a-f]{12}$", lines[0]);
        Assert.Matches("^tam-tru-mini\t7\t[0-9a-f]{12}$", lines[1]);
    }

    [Fact]
    public void Invalid_content_prints_every_error_with_its_place_and_exits_1()
    {
        var path = Path.Combine(_directory, "tam-tru-mini.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("end: completed", "end: done").Replace("topic: residence", "topic: housing"));

        var exit = ValidateCommand.Run(_directory, _stdout, _stderr);

        Assert.Equal(1, exit);
        Assert.Equal("", _stdout.ToString());
        var lines = _stderr.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"tam-tru-mini\.yaml:4:8: unknown topic 'housing'", lines[0]);
        Assert.Matches(@"tam-tru-mini\.yaml:\d+:10: unknown outcome 'done'", lines[1]);
    }

    [Fact]
    public void A_folder_without_flows_exits_1()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_directory, "empty")).FullName;

        Assert.Equal(1, ValidateCommand.Run(empty, _stdout, _stderr));
        Assert.Contains("no flow files", _stderr.ToString());
    }
}
