using GuidanceBot.Channels.DirectLine;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>
/// Every <see cref="DirectLineOptions.CleanupEvery"/>, removes Direct Line conversations nothing was added to for
/// <see cref="DirectLineOptions.RetainIdleFor"/>, with their transcripts. Every instance runs it; removing is idempotent.
/// </summary>
public sealed class DirectLineTranscriptCleanup(IDirectLineTranscript transcript, IOptions<DirectLineOptions> options, TimeProvider time,
    ILogger<DirectLineTranscriptCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupEvery, time);
        do
        {
            try
            {
                var removed = await transcript.RemoveIdleAsync(time.GetUtcNow() - options.Value.RetainIdleFor, stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Count} idle Direct Line conversations", removed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed clean-up (the database restarting) must not stop the next ones.
                logger.LogWarning("Direct Line transcript clean-up failed: {Reason}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
