using GuidanceBot.Content;
using GuidanceBot.Places;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Analytics;

/// <summary>Registers the abandonment sweep and the funnel queries over the configured storage (<c>AddGuidanceBotStorage</c>).</summary>
public static class AnalyticsServices
{
    public static IServiceCollection AddGuidanceBotAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnalyticsOptions>()
            .Bind(configuration.GetSection(AnalyticsOptions.Section))
            .Validate(o => o.AbandonAfter > TimeSpan.Zero, "GuidanceBot:Analytics:AbandonAfter must be a positive time span, e.g. 00:30:00.")
            .Validate(o => o.SweepEvery > TimeSpan.Zero, "GuidanceBot:Analytics:SweepEvery must be a positive time span, e.g. 00:01:00.")
            .Validate(o => o.DayOffset > TimeSpan.FromHours(-14) && o.DayOffset < TimeSpan.FromHours(14), "GuidanceBot:Analytics:DayOffset must be a UTC offset, e.g. 07:00:00.")
            .Validate(o => o.MinRunsPerCommune is >= 1 and <= 1000, "GuidanceBot:Analytics:MinRunsPerCommune must be a whole number from 1 to 1000, e.g. 5.")
            .ValidateOnStart();
        services.AddSingleton<AbandonmentSweeper>();
        services.AddSingleton(sp => new FunnelQuery(sp.GetRequiredService<IAnalyticsReader>(), sp.GetRequiredService<Func<FlowCatalog>>(),
            sp.GetRequiredService<IOptions<AnalyticsOptions>>().Value.MinRunsPerCommune));
        services.AddSingleton(sp => new CommuneQuery(sp.GetRequiredService<IAnalyticsReader>(), sp.GetRequiredService<PlaceDirectory>(),
            sp.GetRequiredService<IOptions<AnalyticsOptions>>().Value.MinRunsPerCommune));
        return services;
    }
}
