using GuidanceBot.Cli;

namespace GuidanceBot.Tests;

/// <summary>guidancebot's command line run in this process: the real parser and commands, with its own standard input and captured output.</summary>
public static class Cli
{
    public static async Task<(int Exit, string Out, string Error)> RunAsync(IEnumerable<string> args, string stdin = "", Func<string, string?>? askSecret = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(new StringReader(stdin), output, error, askSecret ?? (_ => throw new InvalidOperationException("no prompt expected")));
        var exit = await GuidanceBotCli.RunAsync([.. args], console, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
