using System.Diagnostics;

namespace GuidanceBot.Diagnostics;

/// <summary>The bot's own trace spans (source <c>GuidanceBot</c>): one per turn, tagged with the channel only.</summary>
public static class GuidanceBotTracing
{
    public const string SourceName = "GuidanceBot";

    public static ActivitySource Source { get; } = new(SourceName);
}
