using GuidanceBot.Privacy;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Privacy;

/// <summary>
/// Every <see cref="PrivacyOptions.RetentionEvery"/>, deletes conversation state and Direct Line transcripts untouched for
/// <see cref="PrivacyOptions.RetentionDays"/> (the citizen's last turn). Every instance runs it; deleting is idempotent.
/// </summary>
public sealed class CitizenDataRetention(ICitizenData data, IOptions<PrivacyOptions> options, TimeProvider time, ILogger<CitizenDataRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionEvery, time);
        do
        {
            try
            {
                var removed = await data.RemoveUntouchedSinceAsync(time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays), stoppingToken);
                if (removed.Total > 0)
                {
                    logger.LogInformation("Retention removed {Conversations} conversation states and {Transcripts} Direct Line transcripts", removed.Conversations,
                        removed.Transcripts);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database restarting must not stop the next clean-ups.
                logger.LogWarning("Retention clean-up failed: {Reason}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
