namespace GuidanceBot.Privacy;

/// <summary>What a deletion removed: conversation states, Direct Line transcripts (conversations) and queue rows.</summary>
public sealed record CitizenDataRemoved(int Conversations, int Transcripts, int QueueRows)
{
    public int Total => Conversations + Transcripts + QueueRows;
}
