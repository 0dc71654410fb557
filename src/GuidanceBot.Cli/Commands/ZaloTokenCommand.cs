using System.CommandLine;
using GuidanceBot.Channels.Zalo;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Cli.Commands;

/// <summary>
/// <c>zalo token set</c>: stores the first OA token pair from the Zalo console in the bot's database, where the web host
/// then rotates it. The tokens are read from standard input, never from arguments (which end up in shell history and ps).
/// </summary>
public static class ZaloTokenCommand
{
    /// <summary>Zalo's access tokens live 25 hours.</summary>
    private const long DefaultLifetime = 90000;

    public static Command Create(CliConsole console, DatabaseOptions database)
    {
        var expiresIn = new Option<long>("--expires-in")
        {
            Description = "Seconds until the access token expires, as the Zalo console says (default 90000, 25 hours).",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => DefaultLifetime,
        };
        expiresIn.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() <= 0)
            {
                result.AddError("--expires-in must be a positive number of seconds.");
            }
        });
        var set = new Command("set", "Store the first OA token pair, read from standard input: the access token, then the refresh token (two lines, or one line with a space).")
        {
            expiresIn,
        };
        set.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse, database);
            return await RunAsync(host.Services.GetRequiredService<IZaloTokenStore>(), parse.GetValue(expiresIn), console.In, console.Out, console.Error, cancellationToken);
        });
        return new Command("zalo", "Zalo Official Account set-up.") { new Command("token", "The OA's access and refresh tokens.") { set } };
    }

    public static async Task<int> RunAsync(IZaloTokenStore tokens, long expiresInSeconds, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // Either two lines, or both on one line separated by whitespace.
        var words = (await input.ReadToEndAsync(cancellationToken)).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 2)
        {
            await error.WriteLineAsync("Expected two values on standard input: the access token, then the refresh token.");
            return 2;
        }

        var now = DateTimeOffset.UtcNow;
        await tokens.StoreAsync(null, words[0], words[1], now.AddSeconds(expiresInSeconds), now, cancellationToken);
        await output.WriteLineAsync($"Stored the Zalo token pair; the access token expires {now.AddSeconds(expiresInSeconds):u}.");
        return 0;
    }
}
