namespace GuidanceBot.Content;

/// <summary>A link shown as a button and opened through the tracked /go/{id} redirect; ids are unique across all flows.</summary>
public sealed record FlowLink(string Id, LocalizedText Label, string Url);
