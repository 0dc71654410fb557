using GuidanceBot.Content;
using GuidanceBot.Language;

namespace GuidanceBot.Web.Hosting;

/// <summary>
/// Loads and validates dialogs/ while the host starts, so broken content stops the start with every error listed, and
/// trains the intent recogniser on it then (about a second), so the first citizen does not wait for the training.
/// </summary>
public sealed class ContentStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ContentProvider>();
        // The province's places (dialogs/places/) are content too: a broken or missing file stops the start the same way.
        services.GetRequiredService<GuidanceBot.Places.PlaceDirectory>();
        // Usually built already by a hosted service that runs turns (Zalo, sweeper); this makes it so in any host.
        services.GetRequiredService<IIntentRecognizer>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
