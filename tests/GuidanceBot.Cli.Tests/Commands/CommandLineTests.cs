using System.CommandLine;
using System.Text.Json.Nodes;
using GuidanceBot.Cli;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.Tests.Commands;

/// <summary>The parser itself: help for every command and option, refusals with exit code 2, --json and progress.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("guidancebot-cli-").FullName;

    private string Database => Path.Combine(_directory, "bot.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static IEnumerable<Command> AllCommands(Command command) => [command, .. command.Subcommands.SelectMany(AllCommands)];

    [Fact]
    public void Every_command_option_and_argument_has_a_description_for_help()
    {
        var root = GuidanceBotCli.Create(new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null, _ => null));

        var commands = AllCommands(root).ToList();
        Assert.True(commands.Count >= 15, $"{commands.Count} commands");
        foreach (var command in commands)
        {
            Assert.False(string.IsNullOrWhiteSpace(command.Description), $"command {command.Name}");
            foreach (var option in command.Options.Where(o => !o.Hidden))
            {
                Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{command.Name} {option.Name}");
            }
            foreach (var argument in command.Arguments)
            {
                Assert.False(string.IsNullOrWhiteSpace(argument.Description), $"{command.Name} {argument.Name}");
            }
        }
    }

    [Theory]
    [InlineData("funnel", "--from <YYYY-MM-DD>", "--json", "--sqlite <PATH>", "--connection <CONNECTION-STRING>")]
    [InlineData("report", "--out <FILE.csv>", "--json")]
    [InlineData("staff add", "<NAME>", "--role", "--password-stdin")]
    [InlineData("places find", "<TEXT>", "--province <ID>", "--json")]
    [InlineData("eval", "--folds <N>", "--strong-match <SCORE>")]
    public async Task Help_shows_the_command_its_arguments_and_options_including_the_database_ones(string command, params string[] shown)
    {
        var (exit, output, _) = await Cli.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(0, exit);
        Assert.Contains($" {command} ", output.Split("Usage:")[1].Split('\n')[1]);
        Assert.All(shown, text => Assert.Contains(text, output));
        Assert.DoesNotContain("--password ", output);
    }

    [Fact]
    public async Task An_unknown_option_is_refused_with_exit_code_2_and_runs_nothing()
    {
        var (exit, output, error) = await Cli.RunAsync(["migrate", "--sqlite", Database, "--dry-run"]);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("Unrecognized command or argument '--dry-run'", error);
        Assert.Contains("See 'guidancebot migrate --help'", error);
        Assert.False(File.Exists(Database), "the command ran although its line was refused");
    }

    [Theory]
    [InlineData("Required argument 'FLOW' missing", "funnel")]
    [InlineData("Option '--from' is required", "report", "--to", "2026-11-30")]
    [InlineData("--to must be a date written yyyy-MM-dd", "report", "--from", "2026-11-01", "--to", "30/11/2026")]
    [InlineData("Unrecognized command or argument 'frobnicate'", "frobnicate")]
    [InlineData("Required command was not provided", "staff")]
    [InlineData("Argument 'root' not recognized", "staff", "add", "lan", "--role", "root")]
    [InlineData("--folds must be 2 or more", "eval", "--folds", "1")]
    public async Task Missing_arguments_and_bad_values_are_refused_with_exit_code_2(string message, params string[] args)
    {
        var (exit, _, error) = await Cli.RunAsync([.. args, "--sqlite", Database]);

        Assert.Equal(2, exit);
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData("apikey", "add", "nightly", "--role", "admin")]
    [InlineData("places", "find", "--provnce", "thanh-hoa", "Hạc", "Thành")]
    [InlineData("funnel", "--frm", "2026-11-01")]
    public async Task An_unknown_option_among_words_of_text_is_refused_too(params string[] args)
    {
        var (exit, output, error) = await Cli.RunAsync([.. args, "--sqlite", Database]);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("Unrecognized command or argument '--", error);
    }

    [Fact]
    public async Task The_database_options_are_accepted_before_the_command_too()
    {
        var (exit, output, _) = await Cli.RunAsync(["--sqlite", Database, "migrate"]);

        Assert.Equal(0, exit);
        Assert.Contains($"SQLite {Database}: schema version", output);
    }

    [Fact]
    public async Task Funnel_report_apikey_list_and_places_print_json_for_scripts()
    {
        await Cli.RunAsync(["apikey", "add", "nightly", "export", "--sqlite", Database]);

        var funnel = JsonNode.Parse((await Cli.RunAsync(["funnel", "khai-sinh", "--json", "--sqlite", Database])).Out)!;
        Assert.Equal("khai-sinh", (string?)funnel["flow"]);
        Assert.Equal(0, (long)funnel["runs"]!["started"]!);
        Assert.NotEmpty(funnel["steps"]!.AsArray());

        var report = JsonNode.Parse((await Cli.RunAsync(["report", "--from", "2026-11-01", "--to", "2026-11-30", "--json", "--sqlite", Database])).Out)!;
        Assert.Equal("2026-11-01", (string?)report["filter"]!["from"]);
        Assert.NotNull(report["flows"]!.AsArray());

        var keys = JsonNode.Parse((await Cli.RunAsync(["apikey", "list", "--json", "--sqlite", Database])).Out)!.AsArray();
        Assert.Equal("nightly export", (string?)Assert.Single(keys)!["name"]);
        Assert.StartsWith("gb_", (string?)keys[0]!["prefix"]);

        var places = JsonNode.Parse((await Cli.RunAsync(["places", "--json"])).Out)!.AsArray();
        Assert.Equal(166, places.Count);
        Assert.Contains(places, p => (string?)p!["name"] == "Hạc Thành" && (string?)p["kind"] == "phuong");
        var found = JsonNode.Parse((await Cli.RunAsync(["places", "find", "--json", "phường", "Điện", "Biên", "cũ"])).Out)!;
        Assert.Equal(("found", "phuong-hac-thanh"), ((string?)found["match"], (string?)found["unit"]!["id"]));
    }

    [Fact]
    public async Task Report_and_migrate_show_their_progress_on_standard_error_and_keep_standard_output_for_the_result()
    {
        var migrate = await Cli.RunAsync(["migrate", "--sqlite", Database]);
        Assert.Contains("migrate [2/2]: opening the database", migrate.Error);
        Assert.DoesNotContain("[", migrate.Out);

        var report = await Cli.RunAsync(["report", "--from", "2026-11-01", "--to", "2026-11-30", "--sqlite", Database]);
        Assert.Equal(0, report.Exit);
        Assert.Contains("report [1/3]: bringing the daily roll-ups up to date", report.Error);
        Assert.Contains("report [3/3]", report.Error);
        Assert.StartsWith("flow,started,completed", report.Out);
    }
}
