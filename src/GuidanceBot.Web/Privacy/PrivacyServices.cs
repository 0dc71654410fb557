using GuidanceBot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Privacy;

/// <summary>Registers what limits how long the host keeps a citizen's data: <see cref="PrivacyOptions"/> (validated at start-up) and <see cref="CitizenDataRetention"/>.</summary>
public static class PrivacyServices
{
    public static IServiceCollection AddCitizenDataRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PrivacyOptions>>(new OptionsProblem<PrivacyOptions>(o => o.Problem()));
        services.AddHostedService<CitizenDataRetention>();
        return services;
    }
}
