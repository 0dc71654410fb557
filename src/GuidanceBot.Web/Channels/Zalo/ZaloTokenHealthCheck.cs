using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>Where the Zalo channel is on, ready only with a usable OA access token (refreshed if it is about to expire).</summary>
public sealed class ZaloTokenHealthCheck(IOptions<ZaloOptions> options, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.IsConfigured)
        {
            return HealthCheckResult.Healthy("Zalo is off (GuidanceBot:Zalo:AppId and OaSecretKey are not set)");
        }
        var token = await services.GetRequiredService<ZaloTokens>().GetAccessTokenAsync(cancellationToken);
        return token is not null
            ? HealthCheckResult.Healthy("OA access token valid")
            : HealthCheckResult.Unhealthy("No valid OA access token: store one with `guidancebot zalo token set`, or check the refresh token.");
    }
}
