using GuidanceBot.Staff;

namespace GuidanceBot.Cli.Commands;

/// <summary>
/// <c>guidancebot staff add NAME --role viewer|admin [--password-stdin]</c> and <c>guidancebot staff remove NAME</c>.
/// The password never comes from the command line (it would sit in shell history and the process list): it is asked for
/// twice without echo, or read as the first line of standard input with <c>--password-stdin</c>.
/// </summary>
public static class StaffCommand
{
    public const string Usage = "guidancebot staff add NAME --role viewer|admin [--password-stdin] | staff remove NAME | staff list";

    /// <summary>Runs the command; <paramref name="args"/> are the words after <c>staff</c>.</summary>
    public static async Task<int> RunAsync(StaffAccounts accounts, IReadOnlyList<string> args, Func<string, string?> askSecret, TextReader stdin,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        // --password-stdin is a bare flag, so it is taken out before the --name value pairs are parsed.
        var passwordFromStdin = args.Contains("--password-stdin");
        if (args.Any(a => a.StartsWith("--password", StringComparison.Ordinal) && a != "--password-stdin") || args.Contains("-p"))
        {
            stderr.WriteLine("The password is never given as an argument: type it when asked, or pipe it with --password-stdin.");
            return 2;
        }
        var options = CommandLine.Parse(args.Where(a => a != "--password-stdin"));
        var unknown = options.Named.Keys.Where(k => k is not ("role" or "sqlite" or "connection")).ToList();
        if (unknown.Count > 0)
        {
            stderr.WriteLine($"Unknown option --{unknown[0]}. {Usage}");
            return 2;
        }
        var action = options.Positional.ElementAtOrDefault(0);
        var name = options.Positional.ElementAtOrDefault(1);
        switch (action)
        {
            case "add" when name is not null:
            {
                var role = options.Named.GetValueOrDefault("role", "");
                if (!StaffRoles.IsKnown(role))
                {
                    stderr.WriteLine("Give the role: --role viewer or --role admin.");
                    return 2;
                }
                if (StaffAccounts.CheckName(name) is { } badName)
                {
                    stderr.WriteLine(badName);
                    return 2;
                }
                string? password;
                if (passwordFromStdin)
                {
                    password = (await stdin.ReadLineAsync(cancellationToken))?.TrimEnd('\r');
                }
                else
                {
                    password = askSecret("Password: ");
                    if (password is not null && askSecret("Again: ") != password)
                    {
                        stderr.WriteLine("The two passwords differ; nothing changed.");
                        return 1;
                    }
                }
                if (string.IsNullOrEmpty(password) || StaffAccounts.CheckPassword(password) is not null)
                {
                    stderr.WriteLine(StaffAccounts.CheckPassword(password ?? "") ?? "No password given.");
                    return 1;
                }
                var added = await accounts.AddOrResetAsync(name, role, password, cancellationToken);
                stdout.WriteLine(added ? $"Added {name} ({role})." : $"Updated {name} ({role}): new password, lock-out lifted.");
                return 0;
            }
            case "remove" when name is not null:
                if (await accounts.RemoveAsync(name, cancellationToken))
                {
                    stdout.WriteLine($"Removed {name}.");
                    return 0;
                }
                stderr.WriteLine($"There is no staff account '{name}'.");
                return 1;
            case "list":
                foreach (var account in await accounts.ListAsync(cancellationToken))
                {
                    stdout.WriteLine($"{account.Name}\t{account.Role}{(account.LockedUntil is { } until ? $"\tlocked until {until:yyyy-MM-dd HH:mm}Z" : "")}");
                }
                return 0;
            default:
                stderr.WriteLine(Usage);
                return 2;
        }
    }

    /// <summary>Reads a line from the terminal without echoing it; null when input ends.</summary>
    public static string? ReadHidden(string prompt)
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
