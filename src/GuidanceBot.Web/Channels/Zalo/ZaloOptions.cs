using GuidanceBot.Web.Channels.Queues;

namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>Settings under <c>GuidanceBot:Zalo</c>, with the outbox's (<see cref="DeliveryOptions"/>). The channel is off until AppId and OaSecretKey are set.</summary>
public sealed class ZaloOptions : DeliveryOptions
{
    public const string Section = "GuidanceBot:Zalo";

    /// <summary>The Zalo app id (part of every webhook signature and of the OAuth refresh body).</summary>
    public string AppId { get; set; } = "";

    /// <summary>The OA Secret Key: signs webhook events. Not the App Secret.</summary>
    public string OaSecretKey { get; set; } = "";

    /// <summary>The App Secret Key: the <c>secret_key</c> header of the OAuth v4 token endpoint.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>The OA's id, for the README and logs; events from it are echoes.</summary>
    public string OaId { get; set; } = "";

    public string OpenApiBaseUrl { get; set; } = "https://openapi.zalo.me";

    public string OAuthBaseUrl { get; set; } = "https://oauth.zaloapp.com";

    /// <summary>Keys the hash that turns a Zalo user id into a conversation id; defaults to one derived from the OA Secret Key.</summary>
    public string ConversationSecret { get; set; } = "";

    /// <summary>Events whose timestamp is further from now than this are refused as replays.</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Replies are sent only this long after the citizen's last message (Zalo: 8 free replies within 48 h).</summary>
    public TimeSpan CustomerServiceWindow { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Refresh the access token when it expires sooner than this.</summary>
    public TimeSpan RefreshAhead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long an inbox worker holds the events it claimed; an instance that crashed with them has them run by another
    /// (or by itself after a restart) once this has passed. Much longer than a turn.
    /// </summary>
    public TimeSpan InboxLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Twice the longest delivery: waiting up to a minute for another worker's token refresh, then a refresh and two posts,
    /// each of up to three attempts of <see cref="RequestTimeout"/> (8 in all, counted generously).
    /// </summary>
    public override TimeSpan MinSendLease => 2 * (TimeSpan.FromMinutes(1) + 8 * RequestTimeout);

    public ZaloReminderOptions Reminders { get; set; } = new();

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(OaSecretKey);
}
