using GuidanceBot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.BotConnector;

/// <summary>Registers the Bot Connector channel: its settings (validated at start-up) and the inbound token check.</summary>
public static class BotConnectorServices
{
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotConnectorOptions>()
            .Bind(configuration.GetSection(BotConnectorOptions.Section))
            .Configure(o =>
            {
                // The Bot Framework's own top-level names (appsettings.json keys and environment variables alike).
                o.AppType = configuration["MicrosoftAppType"] is { Length: > 0 } type ? type.Trim() : o.AppType;
                o.AppId = configuration["MicrosoftAppId"]?.Trim() ?? o.AppId;
                o.AppPassword = configuration["MicrosoftAppPassword"] ?? o.AppPassword;
                o.TenantId = configuration["MicrosoftAppTenantId"]?.Trim() ?? o.TenantId;
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotConnectorOptions>>(new OptionsProblem<BotConnectorOptions>(o => o.Problem()));
        services.AddHttpClient(BotConnectorAuthentication.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(10);
            client.MaxResponseContentBufferSize = 1 << 20;
        });
        services.AddSingleton<BotConnectorAuthentication>();
        return services;
    }
}
