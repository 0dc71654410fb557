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

namespace GuidanceBot.Storage.Sqlite;

/// <summary>Registers every store over one SQLite file (one <see cref="SqliteDatabase"/> for the process).</summary>
public static class SqliteStorage
{
    /// <param name="open">Opens (creates, migrates) the file; called once, for the first store resolved.</param>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, Func<IServiceProvider, SqliteDatabase> open)
    {
        services.AddSingleton(open);
        services.AddSingleton<SqliteConversationStore>();
        services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<SqliteConversationStore>());
        services.AddSingleton<IAnalyticsSink>(sp => sp.GetRequiredService<SqliteConversationStore>());
        services.AddSingleton<IIdleConversations>(sp => sp.GetRequiredService<SqliteConversationStore>());
        services.AddSingleton<IAnalyticsReader>(sp => new SqliteAnalyticsReader(
            sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<IOptions<AnalyticsOptions>>().Value.DayOffset));
        services.AddSingleton<IStaffAccountStore, SqliteStaffAccountStore>();
        services.AddSingleton<IApiKeyStore, SqliteApiKeyStore>();
        services.AddSingleton<IZaloInbox, SqliteZaloInbox>();
        services.AddSingleton<IZaloOutbox, SqliteZaloOutbox>();
        services.AddSingleton<IZaloTokenStore, SqliteZaloTokenStore>();
        services.AddSingleton<IConnectorOutbox, SqliteConnectorOutbox>();
        // One host per file: the transcript tells this process's observers itself.
        services.AddSingleton<DirectLineObservers>();
        services.AddSingleton<IDirectLineNotifications>(sp => sp.GetRequiredService<DirectLineObservers>());
        services.AddSingleton<IDirectLineTranscript, SqliteDirectLineTranscript>();
        services.AddSingleton<ISharedSecrets, SqliteSharedSecrets>();
        services.AddSingleton<IXmlRepository, SqliteXmlRepository>();
        services.AddSingleton<GuidanceBot.Privacy.ICitizenData, SqliteCitizenData>();
        return services;
    }
}
