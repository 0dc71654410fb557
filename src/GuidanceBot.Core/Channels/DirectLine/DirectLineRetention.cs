namespace GuidanceBot.Channels.DirectLine;

/// <summary>How much of a conversation's transcript is kept: the newest <see cref="MaxActivities"/> activities within <see cref="MaxConversationBytes"/>; no activity larger than <see cref="MaxActivityBytes"/>.</summary>
public sealed record DirectLineRetention(int MaxActivities, int MaxActivityBytes, long MaxConversationBytes)
{
    /// <summary>Throws when an activity may not be stored: too large, or not a JSON object.</summary>
    public void Check(IReadOnlyList<string> activities)
    {
        foreach (var json in activities)
        {
            if (json.Length < 2 || json[0] != '{' || json[^1] != '}')
            {
                throw new ArgumentException("A Direct Line activity is stored as a JSON object.", nameof(activities));
            }
            var bytes = System.Text.Encoding.UTF8.GetByteCount(json);
            if (bytes > MaxActivityBytes)
            {
                throw new ArgumentException($"A Direct Line activity of {bytes} bytes is larger than the {MaxActivityBytes} bytes kept per activity.", nameof(activities));
            }
        }
    }
}
