namespace GuidanceBot.Cli;

/// <summary>The CLI's arguments after the command name: <c>--name value</c> pairs and positional values.</summary>
public sealed record CommandLine(IReadOnlyDictionary<string, string> Named, IReadOnlyList<string> Positional)
{
    public static CommandLine Parse(IEnumerable<string> args)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..];
                var eq = name.IndexOf('=');
                if (eq >= 0)
                {
                    named[name[..eq]] = name[(eq + 1)..];
                }
                else
                {
                    named[name] = e.MoveNext() ? e.Current : "";
                }
            }
            else
            {
                positional.Add(arg);
            }
        }
        return new CommandLine(named, positional);
    }
}
