using GuidanceBot.Content;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GuidanceBot.Web.Hosting;

/// <summary>Ready when the flows of dialogs/ are loaded (the host does not start on invalid content, so this is about an empty folder).</summary>
public sealed class ContentHealthCheck(ContentProvider content) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var flows = content.Current.Flows.Count;
        return Task.FromResult(flows > 0
            ? HealthCheckResult.Healthy($"{flows} flows loaded")
            : HealthCheckResult.Unhealthy("No flow is loaded from the content folder (GuidanceBot:Content:Directory)."));
    }
}
