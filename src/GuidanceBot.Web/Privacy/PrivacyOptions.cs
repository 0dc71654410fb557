namespace GuidanceBot.Web.Privacy;

/// <summary>Settings under <c>GuidanceBot:Privacy</c>: how long what the bot keeps about a citizen is kept.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "GuidanceBot:Privacy";

    /// <summary>Conversation state and Direct Line transcripts untouched for this many days are deleted; analytics events (anonymous) stay.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often the retention clean-up runs.</summary>
    public TimeSpan RetentionEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>What is wrong with these settings, naming the setting; null when nothing is.</summary>
    public string? Problem() =>
        RetentionDays < 1 ? $"{Section}:RetentionDays must be at least 1 (days)."
        : RetentionEvery <= TimeSpan.Zero ? $"{Section}:RetentionEvery must be a positive time span, e.g. 01:00:00."
        : null;
}
