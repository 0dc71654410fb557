using System.CommandLine;
using GuidanceBot.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Cli.Commands;

/// <summary>
/// <c>guidancebot staff add NAME --role viewer|admin [--password-stdin]</c>, <c>staff remove NAME</c>, <c>staff list</c>:
/// dashboard accounts. The password never comes from the command line (it would sit in shell history and the process
/// list): it is asked for twice without echo, or read as the first line of standard input with <c>--password-stdin</c>.
/// </summary>
public static class StaffCommand
{
    public static Command Create(CliConsole console, DatabaseOptions database)
    {
        var name = new Argument<string>("NAME") { Description = "The staff member's sign-in name, e.g. lan.nguyen." };
        var role = new Option<string>("--role") { Description = "What the account may do: viewer (the pages) or admin (also accounts and API keys).", Required = true };
        role.AcceptOnlyFromAmong(StaffRoles.Viewer, StaffRoles.Admin);
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input instead of asking for it." };
        // Only there to refuse it with the reason: a password on the command line is visible to everyone on the machine.
        var password = new Option<string?>("--password", "-p") { Hidden = true };
        password.Validators.Add(result => result.AddError("The password is never given as an argument: type it when asked, or pipe it with --password-stdin."));

        var add = new Command("add", "Add a dashboard account, or give an existing one a new role and password (and lift its lock-out).") { name, role, passwordStdin, password };
        add.SetAction((parse, cancellationToken) => WithAccountsAsync(parse, database, accounts =>
            AddAsync(accounts, parse.GetValue(name)!, parse.GetValue(role)!, parse.GetValue(passwordStdin), console, cancellationToken)));

        var removed = new Argument<string>("NAME") { Description = "The account to remove." };
        var remove = new Command("remove", "Remove a dashboard account; its sessions end at their next request.") { removed };
        remove.SetAction((parse, cancellationToken) => WithAccountsAsync(parse, database, accounts => RemoveAsync(accounts, parse.GetValue(removed)!, console, cancellationToken)));

        var list = new Command("list", "List the accounts: name<TAB>role, and when an account is locked until.");
        list.SetAction((parse, cancellationToken) => WithAccountsAsync(parse, database, accounts => ListAsync(accounts, console, cancellationToken)));

        return new Command("staff", "Dashboard accounts.") { add, remove, list };
    }

    private static async Task<int> WithAccountsAsync(ParseResult parse, DatabaseOptions database, Func<StaffAccounts, Task<int>> run)
    {
        using var host = CliHost.Build(parse, database, (services, _) => services.AddStaffAccounts());
        return await run(host.Services.GetRequiredService<StaffAccounts>());
    }

    public static async Task<int> AddAsync(StaffAccounts accounts, string name, string role, bool passwordFromStdin, CliConsole console, CancellationToken cancellationToken)
    {
        if (StaffAccounts.CheckName(name) is { } badName)
        {
            console.Error.WriteLine(badName);
            return 2;
        }
        string? password;
        if (passwordFromStdin)
        {
            password = (await console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r');
        }
        else
        {
            password = console.AskSecret("Password: ");
            if (password is not null && console.AskSecret("Again: ") != password)
            {
                console.Error.WriteLine("The two passwords differ; nothing changed.");
                return 1;
            }
        }
        // Input that ends before a password is an empty one: too short.
        password ??= "";
        if (StaffAccounts.CheckPassword(password) is { } badPassword)
        {
            console.Error.WriteLine(badPassword);
            return 1;
        }
        var added = await accounts.AddOrResetAsync(name, role, password, cancellationToken);
        console.Out.WriteLine(added ? $"Added {name} ({role})." : $"Updated {name} ({role}): new password, lock-out lifted.");
        return 0;
    }

    public static async Task<int> RemoveAsync(StaffAccounts accounts, string name, CliConsole console, CancellationToken cancellationToken)
    {
        if (await accounts.RemoveAsync(name, cancellationToken))
        {
            console.Out.WriteLine($"Removed {name}.");
            return 0;
        }
        console.Error.WriteLine($"There is no staff account '{name}'.");
        return 1;
    }

    public static async Task<int> ListAsync(StaffAccounts accounts, CliConsole console, CancellationToken cancellationToken)
    {
        foreach (var account in await accounts.ListAsync(cancellationToken))
        {
            console.Out.WriteLine($"{account.Name}\t{account.Role}{(account.LockedUntil is { } until ? $"\tlocked until {until:yyyy-MM-dd HH:mm}Z" : "")}");
        }
        return 0;
    }
}
