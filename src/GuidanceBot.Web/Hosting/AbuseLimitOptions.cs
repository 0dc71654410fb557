namespace GuidanceBot.Web.Hosting;

/// <summary>
/// Settings under <c>GuidanceBot:AbuseLimits</c>: how many requests one client address (behind the configured proxies)
/// and one conversation may make before they get <c>429</c> with <c>Retry-After</c>. The defaults leave room for a
/// commune office where many citizens share one address.
/// </summary>
public sealed class AbuseLimitOptions
{
    public const string Section = "GuidanceBot:AbuseLimits";

    /// <summary>Off only for load tests from one machine.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The window every per-minute limit counts in.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>New tokens and conversations (<c>/webchat/token</c>, <c>/v3/directline/tokens/generate</c>, <c>/v3/directline/conversations</c>) per address per window.</summary>
    public int ConversationsPerAddress { get; set; } = 60;

    /// <summary>Messages (Direct Line posts to activities, <c>/api/messages</c>) per address per window.</summary>
    public int MessagesPerAddress { get; set; } = 600;

    /// <summary>Messages per Direct Line conversation per window: a person types a few a minute.</summary>
    public int MessagesPerConversation { get; set; } = 30;

    /// <summary>Zalo webhook posts per address per window: generous, since every event comes from Zalo's few servers and Zalo retries.</summary>
    public int ZaloPerAddress { get; set; } = 6000;

    /// <summary>
    /// Dashboard sign-in posts per address per <see cref="SignInWindow"/>: well under the wrong passwords that lock an
    /// account, so one address needs hours of failures with no staff sign-in between (which resets the count) to lock one.
    /// </summary>
    public int SignInsPerAddress { get; set; } = 10;

    /// <summary>The window sign-in posts are counted in.</summary>
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Open Direct Line WebSocket streams per address at once.</summary>
    public int StreamsPerAddress { get; set; } = 100;

    /// <summary>What is wrong with these settings, naming the setting; null when nothing is.</summary>
    public string? Problem()
    {
        if (Window <= TimeSpan.Zero || SignInWindow <= TimeSpan.Zero)
        {
            return $"{Section}:Window and SignInWindow must be positive time spans, e.g. 00:01:00.";
        }
        var counts = new (string Name, int Value)[]
        {
            (nameof(ConversationsPerAddress), ConversationsPerAddress), (nameof(MessagesPerAddress), MessagesPerAddress),
            (nameof(MessagesPerConversation), MessagesPerConversation), (nameof(ZaloPerAddress), ZaloPerAddress),
            (nameof(SignInsPerAddress), SignInsPerAddress), (nameof(StreamsPerAddress), StreamsPerAddress),
        };
        return counts.FirstOrDefault(c => c.Value < 1) is { Name: { } name } ? $"{Section}:{name} must be at least 1." : null;
    }
}
