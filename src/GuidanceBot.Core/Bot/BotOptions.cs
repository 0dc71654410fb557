namespace GuidanceBot.Bot;

/// <summary>Settings under <c>GuidanceBot:Bot</c>: what the province sets for its bot.</summary>
public sealed class BotOptions
{
    public const string Section = "GuidanceBot:Bot";

    /// <summary>The number citizens are given when they ask for a person.</summary>
    public string Hotline { get; set; } = "1800 1096";

    /// <summary>The province's id (kebab-case, e.g. "thanh-hoa"): selects fee overrides in dialogs/ and dialogs/places/&lt;id&gt;.yaml.</summary>
    public string? Province { get; set; }

    /// <summary>A citizen who writes again after this long is offered to resume where they stopped.</summary>
    public TimeSpan ResumeAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Intent score from which free text starts a flow (or, mid-flow, offers to switch).</summary>
    public double StrongMatch { get; set; } = 0.5;

    /// <summary>Intent score from which free text below <see cref="StrongMatch"/> gets "Có phải bạn muốn …?" instead of "not understood".</summary>
    public double ConfirmMatch { get; set; } = 0.35;

    /// <summary>Score from which free text whose best match is an out-of-scope topic gets that topic's answer.</summary>
    public double OutOfScopeMatch { get; set; } = 0.35;

    /// <summary>Where the bot is reachable from outside, for tracked links (/go/{id}); relative links when empty.</summary>
    public string PublicBaseUrl { get; set; } = "";
}
