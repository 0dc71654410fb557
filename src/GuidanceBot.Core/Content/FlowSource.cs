namespace GuidanceBot.Content;

/// <summary>Where a flow's facts come from, and the day someone last checked them.</summary>
/// <param name="Code">The procedure code on the national portal; null for account guides.</param>
public sealed record FlowSource(string Portal, string? Code, string Url, DateOnly Checked);
