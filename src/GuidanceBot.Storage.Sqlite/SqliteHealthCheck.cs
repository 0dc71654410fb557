using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>Healthy when the SQLite file answers a query.</summary>
public sealed class SqliteHealthCheck(SqliteDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.ScalarAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy("SQLite answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("SQLite does not answer.", e);
        }
    }
}
