namespace GuidanceBot.Channels.DirectLine;

/// <summary>How much of a conversation's transcript is kept: the newest <see cref="MaxActivities"/> activities within <see cref="MaxConversationBytes"/>; no activity larger than <see cref="MaxActivityBytes"/>.</summary>
public sealed record DirectLineRetention(int MaxActivities, int MaxActivityBytes, long MaxConversationBytes)
{
    /// <summary>
    /// Which activities to drop from a conversation that is over a bound: the oldest, until at most nine tenths of
    /// <see cref="MaxActivities"/> and of <see cref="MaxConversationBytes"/> are left. <paramref name="sizes"/> are the
    /// kept activities' numbers and sizes, oldest first. Returns the last number to drop (0: none) and the bytes left.
    /// </summary>
    public (long Cut, long BytesLeft) TrimTo(IEnumerable<(long Sequence, long Bytes)> sizes, long count, long bytes)
    {
        var keepCount = Math.Max(1, MaxActivities * 9L / 10);
        var keepBytes = MaxConversationBytes * 9 / 10;
        var cut = 0L;
        foreach (var (sequence, size) in sizes)
        {
            if (count <= 1 || (count <= keepCount && bytes <= keepBytes))
            {
                break;
            }
            (cut, count, bytes) = (sequence, count - 1, bytes - size);
        }
        return (cut, bytes);
    }

    /// <summary>True when a conversation with this many activities and bytes must be trimmed.</summary>
    public bool IsOver(long count, long bytes) => count > MaxActivities || bytes > MaxConversationBytes;

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
