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

    /// <summary>
    /// The UTF-8 size of each activity to append, the figure both stores keep beside it; throws when there is none or
    /// one may not be stored: too large, or not a JSON object.
    /// </summary>
    public int[] SizesToAppend(IReadOnlyList<string> activities)
    {
        if (activities.Count == 0)
        {
            throw new ArgumentException("Append at least one activity.", nameof(activities));
        }
        var sizes = new int[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var json = activities[i];
            if (json.Length < 2 || json[0] != '{' || json[^1] != '}')
            {
                throw new ArgumentException("A Direct Line activity is stored as a JSON object.", nameof(activities));
            }
            sizes[i] = System.Text.Encoding.UTF8.GetByteCount(json);
            if (sizes[i] > MaxActivityBytes)
            {
                throw new ArgumentException($"A Direct Line activity of {sizes[i]} bytes is larger than the {MaxActivityBytes} bytes kept per activity.", nameof(activities));
            }
        }
        return sizes;
    }
}
