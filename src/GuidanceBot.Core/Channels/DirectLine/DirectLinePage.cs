namespace GuidanceBot.Channels.DirectLine;

/// <summary>One stored activity: its number in the conversation and its JSON (an object without an id).</summary>
public sealed record DirectLineEntry(long Sequence, string Json);

/// <summary>A page of a conversation's transcript, and the conversation's last activity number when it was read.</summary>
public sealed record DirectLinePage(IReadOnlyList<DirectLineEntry> Entries, long LastSequence);
