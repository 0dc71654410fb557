using GuidanceBot.Channels.BotConnector;
using GuidanceBot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.BotConnector;

/// <summary>
/// Registers the Bot Connector channel: its settings (validated at start-up), the inbound token check, and the outbound
/// side — the outbox worker, its sender and token cache, and the outbox's queue depth.
/// </summary>
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

        services.AddHttpClient(BotConnectorSender.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<BotConnectorOptions>>().Value.RequestTimeout)
            // A redirect is an answer, not a new address: the bearer token only goes where the serviceUrl points.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddHttpClient(BotConnectorTokens.HttpClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<IOptions<BotConnectorOptions>>().Value.RequestTimeout;
                client.MaxResponseContentBufferSize = 1 << 20;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<BotConnectorTokens>();
        services.AddSingleton<BotConnectorSender>();
        services.AddSingleton<BotConnectorReplies>();
        services.AddSingleton<BotConnectorOutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<BotConnectorOutboxWorker>());
        services.AddSingleton(sp => new QueueDepthSource("connector-outbox", sp.GetRequiredService<IConnectorOutbox>().CountPendingAsync));
        return services;
    }
}
