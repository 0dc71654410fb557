namespace GuidanceBot.Web.Hosting;

/// <summary>
/// A durable queue whose length is exported as <c>guidancebot.queue.depth{queue=Name}</c>: register one per queue
/// (the Zalo inbox and outbox, the Bot Connector outbox) and <see cref="QueueDepthSampler"/> counts it.
/// </summary>
/// <param name="Name">A short fixed name, e.g. <c>zalo-inbox</c>.</param>
/// <param name="CountAsync">Counts the items waiting, due or not.</param>
public sealed record QueueDepthSource(string Name, Func<CancellationToken, Task<long>> CountAsync);
