namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>
/// Wake-up signals between the Zalo channel's parts in this process, so a worker starts at once instead of at its next
/// poll: <see cref="Inbox"/> when the webhook queued an event, <see cref="Outbox"/> when replies were queued. Work queued
/// by another instance is found at the next poll.
/// </summary>
public sealed class ZaloWakeUps
{
    public SemaphoreSlim Inbox { get; } = new(0, int.MaxValue);

    public SemaphoreSlim Outbox { get; } = new(0, int.MaxValue);
}
