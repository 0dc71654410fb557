using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GuidanceBot.Storage.Postgres;

/// <summary>Healthy when PostgreSQL answers a query through the shared pool.</summary>
public sealed class PostgresHealthCheck(PostgresDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.ScalarAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy($"PostgreSQL answers ({database.Description}).");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL does not answer ({database.Description}): {e.Message}");
        }
    }
}
