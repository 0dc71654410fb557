using GuidanceBot.Analytics;
using GuidanceBot.Channels.BotConnector;
using GuidanceBot.Channels.DirectLine;
using GuidanceBot.Channels.Zalo;
using GuidanceBot.Engine;
using GuidanceBot.Secrets;
using Microsoft.AspNetCore.DataProtection.Repositories;
using GuidanceBot.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Storage.Postgres;

/// <summary>Registers every store over one PostgreSQL database (one <see cref="PostgresDatabase"/>, one connection pool, per process).</summary>
public static class PostgresStorage
{
    /// <param name="open">Opens (and migrates) the database; called once, for the first store resolved.</param>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, Func<IServiceProvider, PostgresDatabase> open)
    {
        services.AddSingleton(open);
        services.AddSingleton<PostgresConversationStore>();
        services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<PostgresConversationStore>());
        services.AddSingleton<IAnalyticsSink>(sp => sp.GetRequiredService<PostgresConversationStore>());
        services.AddSingleton<IIdleConversations>(sp => sp.GetRequiredService<PostgresConversationStore>());
        services.AddSingleton<IAnalyticsReader>(sp => new PostgresAnalyticsReader(
            sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<IOptions<AnalyticsOptions>>().Value.DayOffset));
        services.AddSingleton<IStaffAccountStore, PostgresStaffAccountStore>();
        services.AddSingleton<IApiKeyStore, PostgresApiKeyStore>();
        services.AddSingleton<IZaloInbox, PostgresZaloInbox>();
        services.AddSingleton<IZaloOutbox, PostgresZaloOutbox>();
        services.AddSingleton<IZaloTokenStore, PostgresZaloTokenStore>();
        services.AddSingleton<IConnectorOutbox, PostgresConnectorOutbox>();
        // Appends by other instances arrive through LISTEN/NOTIFY; this instance's own are told directly.
        services.AddSingleton<DirectLineObservers>();
        services.AddSingleton<PostgresDirectLineListener>();
        services.AddSingleton<IDirectLineNotifications>(sp => sp.GetRequiredService<PostgresDirectLineListener>());
        services.AddSingleton<IDirectLineTranscript, PostgresDirectLineTranscript>();
        services.AddSingleton<ISharedSecrets, PostgresSharedSecrets>();
        services.AddSingleton<IXmlRepository, PostgresXmlRepository>();
        services.AddSingleton<GuidanceBot.Privacy.ICitizenData, PostgresCitizenData>();
        return services;
    }
}
