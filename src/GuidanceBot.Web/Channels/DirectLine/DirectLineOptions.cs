namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>Settings under <c>GuidanceBot:DirectLine</c>: the site's secret, token lifetimes and the in-memory bounds.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "GuidanceBot:DirectLine";

    /// <summary>The site's Direct Line secret. When empty, a development secret is generated once and kept next to the SQLite file.</summary>
    public string? Secret { get; set; }

    /// <summary>How long a conversation token is valid; refreshing gives a new one with the same lifetime.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long the token inside a <c>streamUrl</c> is valid: the client must open the socket within it.</summary>
    public TimeSpan StreamTokenLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A turn running longer than this shows the bot typing on the stream.</summary>
    public TimeSpan TypingAfter { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Activities kept per conversation; older ones are dropped (watermarks keep counting).</summary>
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>Conversations kept in memory on this instance; the least recently used are dropped beyond it.</summary>
    public int MaxConversations { get; set; } = 20_000;

    /// <summary>Activities returned by one GET; the client pages with the returned watermark.</summary>
    public int PageSize { get; set; } = 100;
}
