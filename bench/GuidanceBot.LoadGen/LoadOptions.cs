namespace GuidanceBot.LoadGen;

/// <summary>Command-line options of the load generator.</summary>
public sealed record LoadOptions(
    IReadOnlyList<Uri> Urls,
    int Conversations,
    int DurationSeconds,
    int WarmupSeconds,
    int TurnsPerConversation)
{
    public const string Usage = """
        Usage: GuidanceBot.LoadGen [options]
          --url <url>                      bot base URL; turns go to {url}/api/messages (default http://127.0.0.1:5080);
                                           give it again for more instances: conversations are spread over them
          --conversations <n>              concurrent scripted conversations (default 32)
          --duration <seconds>             measured time (default 10)
          --warmup <seconds>               unmeasured time before it (default 10)
          --turns-per-conversation <n>     start a new conversation id after this many turns,
                                           the opening conversationUpdate included (default 40)
          --help                           show this text
        Exit code: 0 no errors, 1 errors seen, 2 bad arguments.
        """;

    public static readonly LoadOptions Default = new([new Uri("http://127.0.0.1:5080")], 32, 10, 10, 40);

    public IReadOnlyList<Uri> MessagesUrls => Urls.Select(url => new Uri(url.AbsoluteUri.TrimEnd('/') + "/api/messages")).ToList();

    /// <summary>Parses <c>--name value</c> and <c>--name=value</c>; returns null with an error for bad input.</summary>
    public static LoadOptions? Parse(IReadOnlyList<string> args, out string? error, out bool helpRequested)
    {
        var options = Default;
        var urls = new List<Uri>();
        error = null;
        helpRequested = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                helpRequested = true;
                return null;
            }

            string name, value;
            var eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                (name, value) = (arg[..eq], arg[(eq + 1)..]);
            }
            else if (i + 1 < args.Count)
            {
                (name, value) = (arg, args[++i]);
            }
            else
            {
                error = $"missing value for '{arg}'";
                return null;
            }

            switch (name)
            {
                case "--url":
                    if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                    {
                        error = $"--url must be an absolute http(s) URL, got '{value}'";
                        return null;
                    }
                    urls.Add(url);
                    options = options with { Urls = urls };
                    break;
                case "--conversations":
                    if (!TryPositive(name, value, 1, out var conversations, out error)) return null;
                    options = options with { Conversations = conversations };
                    break;
                case "--duration":
                    if (!TryPositive(name, value, 1, out var duration, out error)) return null;
                    options = options with { DurationSeconds = duration };
                    break;
                case "--warmup":
                    if (!TryPositive(name, value, 0, out var warmup, out error)) return null;
                    options = options with { WarmupSeconds = warmup };
                    break;
                case "--turns-per-conversation":
                    if (!TryPositive(name, value, 1, out var turns, out error)) return null;
                    options = options with { TurnsPerConversation = turns };
                    break;
                default:
                    error = $"unknown option '{name}'";
                    return null;
            }
        }
        return options;
    }

    private static bool TryPositive(string name, string value, int minimum, out int result, out string? error)
    {
        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out result) && result >= minimum)
        {
            error = null;
            return true;
        }
        error = $"{name} must be an integer >= {minimum}, got '{value}'";
        return false;
    }
}
