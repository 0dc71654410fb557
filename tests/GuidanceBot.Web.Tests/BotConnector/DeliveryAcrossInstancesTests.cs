using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static GuidanceBot.Tests.BotConnector.ConnectorChannel;

namespace GuidanceBot.Tests.BotConnector;

/// <summary>
/// The Bot Connector outbox is durable and shared: a reply acknowledged before a restart is delivered after it, once;
/// two instances on one PostgreSQL database deliver every reply once, in each conversation's order.
/// </summary>
public sealed class DeliveryAcrossInstancesTests : IAsyncLifetime
{
    private static readonly string?[] Script = [null, "tôi muốn làm giấy khai sinh cho con", "cho hỏi chút"];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"gb-connector-{Guid.NewGuid():N}");
    private PostgresTestDatabase? _postgres;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        _postgres?.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>One instance on the test's database: a SQLite file that outlives each host, or a PostgreSQL database.</summary>
    private TestHost Instance(string provider)
    {
        if (provider == "postgres")
        {
            _postgres ??= new PostgresTestDatabase();
            return Host(host: TestHost.OnPostgres(_postgres.ConnectionString));
        }
        return Host(host: new TestHost(Path.Combine(_folder, "bot.db")));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_reply_acknowledged_before_a_restart_is_delivered_once_after_it(string provider)
    {
        // The connector takes the first reply but does not answer: the host stops while the reply is in flight.
        _connector.Hold();
        var first = Instance(provider);
        var client = first.CreateClient();
        var ack = await PostAsync(client, Activity(_connector.ServiceUrl, "restart-conversation", "r1", null, channel: "emulator"));
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await Eventually.Until(() => _connector.Held, n => n == 1, "the reply in the connector's hands");

        await first.DisposeAsync();
        await Eventually.Until(() => _connector.Abandoned, n => n == 1, "the stopped host to give the send up");
        _connector.Release();
        Assert.Empty(_connector.Delivered);

        await using var second = Instance(provider);
        var secondClient = second.CreateClient();
        var expected = await ExpectedTextsAsync(secondClient, _connector.ServiceUrl, [null]);
        await Eventually.Until(() => _connector.Delivered.Count, n => n == expected.Count, "the reply after the restart");

        Assert.Equal(expected, _connector.Delivered.Select(d => d.Text));
        Assert.All(_connector.Delivered, d => Assert.Equal(("restart-conversation", "r1"), (d.ConversationId, d.ReplyToId)));
        Assert.Equal(0, await second.Services.GetRequiredService<GuidanceBot.Channels.BotConnector.IConnectorOutbox>().CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Two_instances_on_one_database_deliver_every_reply_once_in_each_conversations_order()
    {
        await using var a = Instance("postgres");
        await using var b = Instance("postgres");
        var clients = new[] { a.CreateClient(), b.CreateClient() };
        var expected = await ExpectedTextsAsync(clients[0], _connector.ServiceUrl, Script);
        // Some answers fail, so rows are retried and released while the other instance claims.
        for (var i = 0; i < 6; i++)
        {
            _connector.Script.Enqueue((i % 2 == 0 ? 503 : 429, "1"));
        }

        // Each conversation's turns alternate between the instances; conversations run side by side.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(c => Task.Run(async () =>
        {
            for (var turn = 0; turn < Script.Length; turn++)
            {
                var response = await PostAsync(clients[(c + turn) % 2], Activity(_connector.ServiceUrl, $"c{c}", $"c{c}-t{turn}", Script[turn], channel: "emulator"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        })));

        await Eventually.Until(() => _connector.Delivered.Count, n => n >= 8 * expected.Count, "every reply delivered", seconds: 60);
        Assert.All(_connector.Delivered.GroupBy(d => d.ConversationId), conversation =>
            Assert.Equal(expected, conversation.Select(d => d.Text)));
        Assert.Equal(8 * expected.Count, _connector.Delivered.Count);
        Assert.Equal(0, await a.Services.GetRequiredService<GuidanceBot.Channels.BotConnector.IConnectorOutbox>().CountPendingAsync(CancellationToken.None));
    }
}
