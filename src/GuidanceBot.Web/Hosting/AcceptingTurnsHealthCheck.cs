using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GuidanceBot.Web.Hosting;

/// <summary>Unready from the moment the host starts shutting down, so a load balancer sends new turns elsewhere while this one drains.</summary>
public sealed class AcceptingTurnsHealthCheck(TurnGate gate) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(gate.IsStopping
            ? HealthCheckResult.Unhealthy($"Shutting down; {gate.InFlight} turns in flight.")
            : HealthCheckResult.Healthy("Accepting turns"));
}
