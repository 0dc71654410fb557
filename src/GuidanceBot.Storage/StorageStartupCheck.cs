using GuidanceBot.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.Storage;

/// <summary>
/// Opens the configured database when the host starts (creating or migrating it), so a missing or unreachable database
/// stops start-up with a message naming the setting instead of failing the first citizen's turn.
/// </summary>
internal sealed class StorageStartupCheck(IServiceProvider services, ILogger<StorageStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<IStorageDatabase>();
        _ = services.GetRequiredService<IConversationStore>();
        logger.LogInformation("Storage: {Database}, schema version {Version} ({Applied} migrations applied now)",
            database.Description, database.SchemaVersion, database.MigrationsApplied);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
