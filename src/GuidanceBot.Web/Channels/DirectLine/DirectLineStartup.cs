namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>Reads (or makes) the Direct Line secret before the host serves anything, so the first request can check tokens.</summary>
public sealed class DirectLineStartup(DirectLineSecret secret) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => secret.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
