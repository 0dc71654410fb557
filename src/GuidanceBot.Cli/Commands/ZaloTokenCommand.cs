using GuidanceBot.Channels.Zalo;

namespace GuidanceBot.Cli.Commands;

/// <summary>
/// <c>zalo token set</c>: stores the first OA token pair from the Zalo console in the bot's database, where the web host
/// then rotates it. The tokens are read from standard input, never from arguments (which end up in shell history and ps).
/// </summary>
public static class ZaloTokenCommand
{
    public const string Usage = "usage: guidancebot zalo token set [--sqlite PATH | --connection CONNECTION-STRING] [--expires-in SECONDS]   (stdin: access token, then refresh token)";

    public static async Task<int> RunAsync(IReadOnlyList<string> positional, IZaloTokenStore tokens, string? expiresIn, TextReader input, TextWriter output, TextWriter error)
    {
        if (positional is not ["token", "set"])
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var seconds = 90000L;   // Zalo's access tokens live 25 hours.
        if (expiresIn is not null && (!long.TryParse(expiresIn, out seconds) || seconds <= 0))
        {
            await error.WriteLineAsync("--expires-in must be a positive number of seconds.");
            return 2;
        }
        // Either two lines, or both on one line separated by whitespace.
        var words = (await input.ReadToEndAsync()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 2)
        {
            await error.WriteLineAsync("Expected two values on standard input: the access token, then the refresh token.");
            return 2;
        }

        var now = DateTimeOffset.UtcNow;
        await tokens.StoreAsync(null, words[0], words[1], now.AddSeconds(seconds), now, CancellationToken.None);
        await output.WriteLineAsync($"Stored the Zalo token pair; the access token expires {now.AddSeconds(seconds):u}.");
        return 0;
    }
}
