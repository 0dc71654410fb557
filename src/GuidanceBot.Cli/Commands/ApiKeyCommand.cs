using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GuidanceBot.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Cli.Commands;

/// <summary>
/// <c>guidancebot apikey add NAME</c>, <c>apikey list [--json]</c> and <c>apikey revoke ID</c>: the analytics API keys the
/// dashboard's accounts page manages, from the terminal. <c>add</c> prints the key once on standard output (and nothing
/// else there, so it can be piped into a secret store); the key is not kept and cannot be shown again.
/// </summary>
public static class ApiKeyCommand
{
    public static Command Create(CliConsole console, DatabaseOptions database)
    {
        // "cli:" cannot be part of a staff name, so the list tells keys made in the terminal from those made on the dashboard.
        var who = "cli:" + Environment.UserName;

        // A name may be several words without quotes: `apikey add monthly report`.
        var name = new Argument<string[]>("NAME") { Description = "Who or what uses the key, e.g. monthly report script.", Arity = ArgumentArity.OneOrMore };
        var add = new Command("add", "Make a key; it is printed once on standard output, the database keeps only its hash.") { name };
        add.SetAction((parse, cancellationToken) => WithKeysAsync(parse, database, keys => AddAsync(keys, string.Join(' ', parse.GetValue(name)!), who, console, cancellationToken)));

        var json = new Option<bool>("--json") { Description = "Print the keys as a JSON array (never the keys themselves)." };
        var list = new Command("list", "List the keys: id, prefix, name, creator, last use, state.") { json };
        list.SetAction((parse, cancellationToken) => WithKeysAsync(parse, database, keys => ListAsync(keys, parse.GetValue(json), console, cancellationToken)));

        var id = new Argument<long>("ID") { Description = "The key's id, the first column of `apikey list`." };
        var revoke = new Command("revoke", "Revoke a key: tools using it are refused from the next request on.") { id };
        revoke.SetAction((parse, cancellationToken) => WithKeysAsync(parse, database, keys => RevokeAsync(keys, parse.GetValue(id), who, console, cancellationToken)));

        return new Command("apikey", "API keys for /api/analytics/* (as on the dashboard's accounts page).") { add, list, revoke };
    }

    private static async Task<int> WithKeysAsync(ParseResult parse, DatabaseOptions database, Func<ApiKeys, Task<int>> run)
    {
        using var host = CliHost.Build(parse, database, (services, _) => services.AddApiKeys());
        return await run(host.Services.GetRequiredService<ApiKeys>());
    }

    /// <param name="who">Recorded as the key's creator.</param>
    public static async Task<int> AddAsync(ApiKeys keys, string name, string who, CliConsole console, CancellationToken cancellationToken)
    {
        if (ApiKeys.CheckName(name) is { } badName)
        {
            console.Error.WriteLine(badName);
            return 2;
        }
        var created = await keys.CreateAsync(name, who, cancellationToken);
        console.Out.WriteLine(created.Secret);
        console.Error.WriteLine($"Created API key {created.Key.Id} \"{created.Key.Name}\". This is the only time it is shown: store it now.");
        return 0;
    }

    public static async Task<int> ListAsync(ApiKeys keys, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        var list = await keys.ListAsync(cancellationToken);
        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(list, CliJson.Readable.IReadOnlyListApiKey));
            return 0;
        }
        foreach (var key in list)
        {
            var state = key.RevokedAt is { } revoked ? $"revoked {Utc(revoked)} by {key.RevokedBy}" : "active";
            var used = key.LastUsedAt is { } last ? $"last used {Utc(last)}" : "never used";
            console.Out.WriteLine($"{key.Id}\t{key.Prefix}…\t{key.Name}\tby {key.CreatedBy} {Utc(key.CreatedAt)}\t{used}\t{state}");
        }
        return 0;
    }

    /// <param name="who">Recorded as the key's revoker.</param>
    public static async Task<int> RevokeAsync(ApiKeys keys, long id, string who, CliConsole console, CancellationToken cancellationToken)
    {
        if (await keys.RevokeAsync(id, who, cancellationToken))
        {
            console.Out.WriteLine($"Revoked API key {id}.");
            return 0;
        }
        console.Error.WriteLine($"There is no API key {id} in use.");
        return 1;
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
