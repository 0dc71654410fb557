namespace GuidanceBot.Cli;

/// <summary>
/// Progress of a long command on standard error (standard output stays for results a script reads): on a terminal one
/// line redrawn in place, otherwise one line per step, so logs of unattended runs show how far it got.
/// </summary>
public sealed class CliProgress(CliConsole console, string task, int total = 0)
{
    private int _done;
    private bool _open;

    /// <summary>Shows what is being done now; counts a step when the task has a total.</summary>
    public void Step(string what)
    {
        var counter = total > 0 ? $" [{Math.Min(++_done, total)}/{total}]" : "";
        var line = $"{task}{counter}: {what}";
        if (console.ErrorIsTerminal)
        {
            console.Error.Write($"\r\u001b[2K{line}");
            _open = true;
        }
        else
        {
            console.Error.WriteLine(line);
        }
    }

    /// <summary>Ends the progress line, so what follows starts on a line of its own.</summary>
    public void Done()
    {
        if (_open)
        {
            console.Error.Write("\r\u001b[2K");
            _open = false;
        }
    }
}
