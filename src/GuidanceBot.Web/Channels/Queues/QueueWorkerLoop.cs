namespace GuidanceBot.Web.Channels.Queues;

/// <summary>
/// The loop every durable-queue worker shares (Zalo inbox, outboxes, reminders): a round of work; when it found nothing
/// (or the worker has no wake-up signal), a wait for the signal or the interval; a failed round is logged and tried
/// again after the interval. Off unless enabled.
/// </summary>
public abstract class QueueWorkerLoop(ILogger logger) : BackgroundService
{
    protected ILogger Logger { get; } = logger;

    protected abstract bool Enabled { get; }

    /// <summary>The longest wait between rounds, and the pause after a failed one.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>Released when new work arrives, to start the next round at once; null to always wait the interval.</summary>
    protected virtual SemaphoreSlim? Wake => null;

    /// <summary>One round; returns how many items it took.</summary>
    protected abstract Task<int> RoundAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RoundAsync(stoppingToken) == 0 || Wake is null)
                {
                    await (Wake is { } wake ? wake.WaitAsync(Interval, stoppingToken) : Task.Delay(Interval, stoppingToken));
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Logger.LogError(e, "{Worker} failed; retrying", GetType().Name);
                await Task.Delay(Interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
