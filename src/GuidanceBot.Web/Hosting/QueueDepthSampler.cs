using GuidanceBot.Diagnostics;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Hosting;

/// <summary>
/// Counts every registered <see cref="QueueDepthSource"/> every <see cref="HostingOptions.QueueDepthEvery"/> (15 s) on the
/// host's clock and hands the figures to <see cref="GuidanceBotMetrics"/>, so a scrape never waits for a database query.
/// </summary>
public sealed partial class QueueDepthSampler(IEnumerable<QueueDepthSource> sources, GuidanceBotMetrics metrics, IOptions<HostingOptions> options,
    TimeProvider time, ILogger<QueueDepthSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var all = sources.ToList();
        if (all.Count == 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.QueueDepthEvery, time);
        do
        {
            foreach (var source in all)
            {
                try
                {
                    metrics.QueueDepth(source.Name, await source.CountAsync(stoppingToken));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(e, source.Name);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count the {Queue} queue")]
    private partial void LogFailed(Exception exception, string queue);
}
