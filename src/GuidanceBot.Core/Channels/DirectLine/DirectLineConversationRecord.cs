namespace GuidanceBot.Channels.DirectLine;

/// <summary>A stored Direct Line conversation: its user (when known), whether it was started, and its last activity number.</summary>
public sealed record DirectLineConversationRecord(string Id, string? UserId, bool Started, long LastSequence);
