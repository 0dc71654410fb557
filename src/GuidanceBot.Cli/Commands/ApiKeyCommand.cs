using System.Globalization;
using GuidanceBot.Staff;

namespace GuidanceBot.Cli.Commands;

/// <summary>
/// <c>guidancebot apikey add NAME</c>, <c>apikey list</c> and <c>apikey revoke ID</c>: the analytics API keys the dashboard's
/// accounts page manages, from the terminal. <c>add</c> prints the key once on standard output (and nothing else there, so
/// it can be piped into a secret store); the key is not kept and cannot be shown again.
/// </summary>
public static class ApiKeyCommand
{
    public const string Usage = "guidancebot apikey add NAME | apikey list | apikey revoke ID  [--sqlite PATH | --connection CONNECTION-STRING]";

    /// <summary>Runs the command; <paramref name="args"/> are the words after <c>apikey</c>; <paramref name="who"/> is recorded as creator or revoker.</summary>
    public static async Task<int> RunAsync(ApiKeys keys, IReadOnlyList<string> args, string who, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var options = CommandLine.Parse(args);
        var unknown = options.Named.Keys.Where(k => k is not ("sqlite" or "connection")).ToList();
        if (unknown.Count > 0)
        {
            stderr.WriteLine($"Unknown option --{unknown[0]}. {Usage}");
            return 2;
        }
        var action = options.Positional.ElementAtOrDefault(0);
        // A name may be several words without quotes: `apikey add monthly report`.
        var rest = string.Join(' ', options.Positional.Skip(1));
        switch (action)
        {
            case "add" when rest.Length > 0:
            {
                if (ApiKeys.CheckName(rest) is { } badName)
                {
                    stderr.WriteLine(badName);
                    return 2;
                }
                var created = await keys.CreateAsync(rest, who, cancellationToken);
                stdout.WriteLine(created.Secret);
                stderr.WriteLine($"Created API key {created.Key.Id} \"{created.Key.Name}\". This is the only time it is shown: store it now.");
                return 0;
            }
            case "list":
                foreach (var key in await keys.ListAsync(cancellationToken))
                {
                    var state = key.RevokedAt is { } revoked ? $"revoked {Utc(revoked)} by {key.RevokedBy}" : "active";
                    var used = key.LastUsedAt is { } last ? $"last used {Utc(last)}" : "never used";
                    stdout.WriteLine($"{key.Id}\t{key.Prefix}…\t{key.Name}\tby {key.CreatedBy} {Utc(key.CreatedAt)}\t{used}\t{state}");
                }
                return 0;
            case "revoke" when rest.Length > 0:
                if (!long.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    stderr.WriteLine($"Give the key's id (the first column of `apikey list`), not '{rest}'.");
                    return 2;
                }
                if (await keys.RevokeAsync(id, who, cancellationToken))
                {
                    stdout.WriteLine($"Revoked API key {id}.");
                    return 0;
                }
                stderr.WriteLine($"There is no API key {id} in use.");
                return 1;
            default:
                stderr.WriteLine(Usage);
                return 2;
        }
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
