using GuidanceBot.Content;

namespace GuidanceBot.Web.Hosting;

/// <summary>Loads and validates dialogs/ while the host starts, so broken content stops the start with every error listed.</summary>
public sealed class ContentStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ContentProvider>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
