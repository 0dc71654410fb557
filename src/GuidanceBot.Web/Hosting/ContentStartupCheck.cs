using GuidanceBot.Content;
using GuidanceBot.Language;

namespace GuidanceBot.Web.Hosting;

/// <summary>
/// Loads and validates dialogs/ while the host starts, so broken content stops the start with every error listed, and
/// trains the intent recogniser on it then (about a second), so the first citizen does not wait for the training.
/// </summary>
public sealed class ContentStartupCheck(IServiceProvider services, ILogger<ContentStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var content = services.GetRequiredService<ContentProvider>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        services.GetRequiredService<IIntentRecognizer>();
        logger.LogInformation("Intent recogniser trained on {Flows} flows in {Milliseconds} ms", content.Current.Flows.Count, clock.ElapsedMilliseconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
