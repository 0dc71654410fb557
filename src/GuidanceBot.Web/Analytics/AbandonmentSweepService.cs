using GuidanceBot.Analytics;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Analytics;

/// <summary>Runs the <see cref="AbandonmentSweeper"/> every <see cref="AnalyticsOptions.SweepEvery"/> on the host's clock.</summary>
public sealed class AbandonmentSweepService(AbandonmentSweeper sweeper, TimeProvider time, IOptions<AnalyticsOptions> options, ILogger<AbandonmentSweepService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepEvery, time);
        do
        {
            try
            {
                var abandoned = await sweeper.SweepAsync(stoppingToken);
                if (abandoned > 0)
                {
                    logger.LogInformation("Recorded {Count} abandoned flow runs", abandoned);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One failed sweep (a locked file, a full disk) must not stop the next ones.
                logger.LogError(e, "Abandonment sweep failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
