namespace GuidanceBot.Analytics;

/// <summary>One append-only analytics row. Never carries text typed by a citizen unless redacted.</summary>
public sealed record AnalyticsEvent(string ConversationId, string Channel, string Kind, DateTimeOffset Timestamp)
{
    public string? RunId { get; init; }
    public string? FlowId { get; init; }
    public string? ContentVersion { get; init; }
    public string? StepId { get; init; }
    /// <summary>"vi" or "en": the language the conversation was in when the event happened.</summary>
    public string? Language { get; init; }
    public IReadOnlyDictionary<string, string>? Properties { get; init; }

    public string? Property(string name) => Properties is not null && Properties.TryGetValue(name, out var v) ? v : null;
}
