using GuidanceBot.Channels.DirectLine;

namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>Settings under <c>GuidanceBot:DirectLine</c>: the site's secret, token lifetimes, and how much transcript is kept.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "GuidanceBot:DirectLine";

    /// <summary>The site's Direct Line secret. When empty, a development secret is generated once and kept in the database.</summary>
    public string? Secret { get; set; }

    /// <summary>How long a conversation token is valid; refreshing gives a new one with the same lifetime.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long the token inside a <c>streamUrl</c> is valid: the client must open the socket within it.</summary>
    public TimeSpan StreamTokenLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A turn running longer than this shows the bot typing on the stream.</summary>
    public TimeSpan TypingAfter { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Activities kept per conversation; older ones are dropped (watermarks keep counting).</summary>
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>The largest activity (its stored JSON, in bytes) a client may post; a larger one gets 400 BodyTooLarge.</summary>
    public int MaxActivityBytes { get; set; } = 64 * 1024;

    /// <summary>Bytes of activities kept per conversation; older ones are dropped beyond it.</summary>
    public long MaxBytesPerConversation { get; set; } = 1024 * 1024;

    /// <summary>A conversation nothing was added to for this long is removed with its transcript (its dialog state stays in the conversation store).</summary>
    public TimeSpan RetainIdleFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often each instance removes idle conversations.</summary>
    public TimeSpan CleanupEvery { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Activities returned by one GET; the client pages with the returned watermark.</summary>
    public int PageSize { get; set; } = 100;

    public DirectLineRetention Retention => new(MaxActivitiesPerConversation, MaxActivityBytes, MaxBytesPerConversation);
}
