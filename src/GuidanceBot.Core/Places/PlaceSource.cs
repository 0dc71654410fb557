namespace GuidanceBot.Places;

/// <summary>A document a place file's units come from (the resolution, the official list of former units).</summary>
public sealed record PlaceSource(string Title, string Url);
