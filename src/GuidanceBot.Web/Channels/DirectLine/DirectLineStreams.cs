using GuidanceBot.Activities;
using GuidanceBot.Channels.DirectLine;

namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>
/// The WebSockets this instance holds, by conversation. Every append to a transcript, by this instance or any other
/// (<see cref="IDirectLineNotifications"/>), wakes the conversation's open streams here, which then send what they have
/// not sent yet. Typing is only sent on this instance's own streams.
/// </summary>
public sealed class DirectLineStreams : IDirectLineObserver, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<StreamSubscription>> _open = new(StringComparer.Ordinal);
    private readonly IDisposable _notifications;

    public DirectLineStreams(IDirectLineNotifications notifications) => _notifications = notifications.Subscribe(this);

    /// <summary>Opens a stream whose client has seen everything up to <paramref name="watermark"/>; it first catches up from the transcript.</summary>
    public StreamSubscription Open(string conversationId, long watermark)
    {
        var subscription = new StreamSubscription(conversationId, watermark, Close);
        lock (_lock)
        {
            if (!_open.TryGetValue(conversationId, out var list))
            {
                _open[conversationId] = list = [];
            }
            list.Add(subscription);
        }
        subscription.Offer(StreamWake.CatchUp);
        return subscription;
    }

    /// <summary>Shows the bot typing on this instance's streams of the conversation.</summary>
    public void Typing(string conversationId, Activity typing)
    {
        if (Streams(conversationId) is { } list)
        {
            var set = DirectLineActivities.Unstored(typing);
            foreach (var subscription in list)
            {
                subscription.Offer(new StreamWake(0, 0, Typing: set));
            }
        }
    }

    public void Appended(DirectLineAppended appended)
    {
        if (Streams(appended.ConversationId) is { } list)
        {
            var wake = new StreamWake(appended.FirstSequence, appended.LastSequence, appended.Activities);
            foreach (var subscription in list)
            {
                subscription.Offer(wake);
            }
        }
    }

    public void MayHaveMissed()
    {
        List<StreamSubscription> all;
        lock (_lock)
        {
            all = _open.Values.SelectMany(l => l).ToList();
        }
        foreach (var subscription in all)
        {
            subscription.Offer(StreamWake.CatchUp);
        }
    }

    /// <summary>Closes this instance's streams of the conversation (as a dropped network would); clients reconnect from their watermark.</summary>
    public void CloseStreams(string conversationId)
    {
        foreach (var subscription in Streams(conversationId) ?? [])
        {
            subscription.Dispose();
        }
    }

    private StreamSubscription[]? Streams(string conversationId)
    {
        lock (_lock)
        {
            return _open.TryGetValue(conversationId, out var list) ? [.. list] : null;
        }
    }

    private void Close(StreamSubscription subscription)
    {
        lock (_lock)
        {
            if (_open.TryGetValue(subscription.ConversationId, out var list) && list.Remove(subscription) && list.Count == 0)
            {
                _open.Remove(subscription.ConversationId);
            }
        }
    }

    public void Dispose() => _notifications.Dispose();
}
