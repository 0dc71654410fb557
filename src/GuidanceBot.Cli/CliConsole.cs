namespace GuidanceBot.Cli;

/// <summary>
/// The terminal a command talks to: standard input, output and error, and a prompt that does not echo what is typed.
/// Tests give their own readers and writers; the process gives the real console.
/// </summary>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error, Func<string, string?> AskSecret)
{
    /// <summary>True when progress may redraw one line in place (standard error is a terminal).</summary>
    public bool ErrorIsTerminal { get; init; }

    public static CliConsole FromProcess()
    {
        Console.InputEncoding = System.Text.Encoding.UTF8;
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return new CliConsole(Console.In, Console.Out, Console.Error, ReadHidden) { ErrorIsTerminal = !Console.IsErrorRedirected };
    }

    /// <summary>Reads a line from the terminal without echoing it; null when input ends.</summary>
    private static string? ReadHidden(string prompt)
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine();
        }
        Console.Error.Write(prompt);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0) text.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
