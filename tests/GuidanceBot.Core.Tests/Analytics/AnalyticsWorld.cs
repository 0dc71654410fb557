using GuidanceBot.Analytics;
using GuidanceBot.Bot;
using GuidanceBot.Content;
using GuidanceBot.Storage.Sqlite;
using GuidanceBot.Tests.Bot;
using GuidanceBot.Tests.Content;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Tests.Analytics;

/// <summary>
/// A real SQLite file, a clock the test moves and the bot over the two small fixture flows
/// (tam-tru-mini calls dang-nhap-mini): the ground on which analytics tests script conversations.
/// </summary>
public sealed class AnalyticsWorld : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero); // 09:00 in Vietnam

    private static readonly Lazy<FlowCatalog> LazyCatalog = new(() =>
    {
        var result = FlowLoader.LoadFiles(FlowFixtures.Valid());
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return result.Catalog!;
    });

    private readonly TestDatabase _database = new();

    public AnalyticsWorld(TimeSpan? abandonAfter = null)
    {
        Options = Microsoft.Extensions.Options.Options.Create(new AnalyticsOptions { AbandonAfter = abandonAfter ?? TimeSpan.FromMinutes(30) });
        Bot = RealBot.Create(catalog: Catalog);
    }

    public static FlowCatalog Catalog => LazyCatalog.Value;

    public FixedTime Time { get; } = new(Start);
    public SqliteConversationStore Store => _database.Store;

    public SqliteDatabase Database => _database.Database;
    public IOptions<AnalyticsOptions> Options { get; }
    public DialogBot Bot { get; }

    public Conversation Chat(string id, string locale = "vi-VN") => new(Bot, Store, id, locale, Time);

    public AbandonmentSweeper Sweeper() => new(Store, Store, Time, Options, NullLogger<AbandonmentSweeper>.Instance);

    public Task<IReadOnlyList<AnalyticsEvent>> Events() => Store.ReadAsync(null, CancellationToken.None);

    public void Dispose()
    {
        _database.Dispose();
    }
}
