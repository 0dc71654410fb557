using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using GuidanceBot.Activities;

namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>
/// One conversation's activity log on this instance: every activity gets the next integer watermark and an id
/// "{conversationId}|{watermark}"; the log keeps the most recent ones; open streams get each new batch as it is appended.
/// A log recreated after a restart starts from <paramref name="firstWatermark"/>, above anything a client still holds,
/// so new ids never repeat old ones (Web Chat drops an activity whose id it has already seen).
/// </summary>
public sealed class DirectLineConversation(string id, string? userId, int capacity, long firstWatermark = 0)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<(long Watermark, Activity Activity)> _log = new();
    private readonly List<StreamSubscription> _subscribers = [];
    private long _watermark = firstWatermark;

    public string Id { get; } = id;
    public string? UserId { get; } = userId;

    /// <summary>Set once the conversation was started (POST /conversations), so a second start answers 200, not 201.</summary>
    public bool Started { get; private set; }

    public long LastUsed { get; private set; } = Environment.TickCount64;

    /// <summary>Marks the conversation started; false if it already was.</summary>
    public bool TryStart()
    {
        lock (_lock)
        {
            Touch();
            if (Started)
            {
                return false;
            }
            Started = true;
            return true;
        }
    }

    /// <summary>Appends activities (ids assigned here) and sends them, as one set, to every open stream.</summary>
    public long Append(IReadOnlyList<Activity> activities)
    {
        if (activities.Count == 0)
        {
            lock (_lock)
            {
                return _watermark;
            }
        }
        lock (_lock)
        {
            Touch();
            foreach (var activity in activities)
            {
                _watermark++;
                activity.Id = ActivityId(_watermark);
                _log.AddLast((_watermark, activity));
            }
            while (_log.Count > capacity)
            {
                _log.RemoveFirst();
            }
            Publish(Serialize(activities, _watermark));
            return _watermark;
        }
    }

    /// <summary>Sends an activity to open streams only, without a watermark (typing: WebSocket only, never stored).</summary>
    public void Broadcast(Activity activity)
    {
        lock (_lock)
        {
            Publish(Serialize([activity], null));
        }
    }

    /// <summary>Activities after <paramref name="watermark"/>, at most <paramref name="max"/>, and the watermark to ask from next.</summary>
    public (List<Activity> Activities, long Watermark) Read(long watermark, int max)
    {
        lock (_lock)
        {
            Touch();
            var page = new List<Activity>();
            var last = Math.Min(watermark, _watermark);
            foreach (var (mark, activity) in _log)
            {
                if (mark <= watermark)
                {
                    continue;
                }
                if (page.Count == max)
                {
                    break;
                }
                page.Add(activity);
                last = mark;
            }
            // A client that asks with a watermark never gets a smaller one back.
            return (page, Math.Max(last, Math.Min(watermark, _watermark)));
        }
    }

    /// <summary>Opens a stream: the activities after <paramref name="watermark"/> come first, then each new set, in order.</summary>
    public StreamSubscription Subscribe(long watermark)
    {
        lock (_lock)
        {
            Touch();
            var subscription = new StreamSubscription(this);
            var backlog = _log.Where(e => e.Watermark > watermark).Select(e => e.Activity).ToList();
            if (backlog.Count > 0)
            {
                subscription.Offer(Serialize(backlog, _watermark));
            }
            _subscribers.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Closes every open stream; clients reconnect (GET /conversations/{id}) and resume from their watermark.</summary>
    public void CloseStreams()
    {
        lock (_lock)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Complete();
            }
        }
    }

    internal void Unsubscribe(StreamSubscription subscription)
    {
        lock (_lock)
        {
            _subscribers.Remove(subscription);
        }
    }

    public int StreamCount
    {
        get
        {
            lock (_lock)
            {
                return _subscribers.Count;
            }
        }
    }

    private string ActivityId(long watermark) => $"{Id}|{watermark.ToString("D7", CultureInfo.InvariantCulture)}";

    private void Touch() => LastUsed = Environment.TickCount64;

    private void Publish(byte[] set)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Offer(set);
        }
    }

    private static byte[] Serialize(IReadOnlyList<Activity> activities, long? watermark) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new ActivitySet { Activities = [.. activities], Watermark = watermark?.ToString(CultureInfo.InvariantCulture) },
            ActivityJson.Wire.ActivitySet);
}

/// <summary>One open stream's queue of serialized activity sets. A client too slow to keep up is cut off and reconnects from its watermark.</summary>
public sealed class StreamSubscription(DirectLineConversation conversation) : IDisposable
{
    private const int MaxQueued = 256;
    private readonly Channel<byte[]> _queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(MaxQueued) { SingleReader = true });

    public ChannelReader<byte[]> Sets => _queue.Reader;

    /// <summary>True when the queue overflowed and the stream must be closed.</summary>
    public bool Overflowed { get; private set; }

    internal void Offer(byte[] set)
    {
        if (!_queue.Writer.TryWrite(set) && !Overflowed)
        {
            Overflowed = true;
            _queue.Writer.TryComplete();
        }
    }

    internal void Complete() => _queue.Writer.TryComplete();

    public void Dispose()
    {
        conversation.Unsubscribe(this);
        _queue.Writer.TryComplete();
    }
}
