using System.Threading.Channels;

namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>
/// Why an open stream should look at its conversation: activities up to <see cref="Last"/> were appended (with their
/// JSON when this instance appended them, from <see cref="First"/> on), or a typing set to send as it is.
/// </summary>
public sealed record StreamWake(long First, long Last, IReadOnlyList<string>? Activities = null, byte[]? Typing = null)
{
    /// <summary>Look at the transcript for anything after what was sent (on opening, and when notifications may have been lost).</summary>
    public static readonly StreamWake CatchUp = new(long.MaxValue, long.MaxValue);
}

/// <summary>
/// One open WebSocket's queue of wakes, and the number of the last activity sent on it. A client too slow to keep up
/// is cut off and reconnects from its watermark.
/// </summary>
public sealed class StreamSubscription(string conversationId, long watermark, Action<StreamSubscription> closed) : IDisposable
{
    private const int MaxQueued = 256;
    private readonly Channel<StreamWake> _queue = Channel.CreateBounded<StreamWake>(new BoundedChannelOptions(MaxQueued) { SingleReader = true });

    public string ConversationId { get; } = conversationId;

    public ChannelReader<StreamWake> Wakes => _queue.Reader;

    /// <summary>The number of the last activity sent (the client's watermark when it opened the stream); only the stream's loop changes it.</summary>
    public long Delivered { get; set; } = watermark;

    /// <summary>True when the queue overflowed and the stream must be closed.</summary>
    public bool Overflowed { get; private set; }

    internal void Offer(StreamWake wake)
    {
        if (!_queue.Writer.TryWrite(wake) && !Overflowed)
        {
            Overflowed = true;
            _queue.Writer.TryComplete();
        }
    }

    public void Dispose()
    {
        closed(this);
        _queue.Writer.TryComplete();
    }
}
