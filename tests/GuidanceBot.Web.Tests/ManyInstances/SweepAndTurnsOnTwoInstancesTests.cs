using GuidanceBot.Analytics;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests.ManyInstances;

/// <summary>Two web hosts on one PostgreSQL database: the abandonment sweep and turns on one conversation.</summary>
public sealed class SweepAndTurnsOnTwoInstancesTests : IDisposable
{
    private readonly PostgresTestDatabase _database = new();
    private readonly FixedTime _time = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private TestHost Instance()
    {
        var host = TestHost.OnPostgres(_database.ConnectionString);
        host.Time = _time;
        return host;
    }

    [Fact]
    public async Task Sweeps_at_both_instances_record_each_abandoned_run_once()
    {
        await using var a = Instance();
        await using var b = Instance();
        var clientA = a.CreateClient();
        var clientB = b.CreateClient();
        for (var i = 0; i < 6; i++)
        {
            await (i % 2 == 0 ? a : b).Send(i % 2 == 0 ? clientA : clientB, $"conv-{i}", "tôi muốn làm giấy khai sinh cho con");
        }
        Assert.Equal(6, (await a.Events()).Count(e => e.Kind == EventKinds.FlowStarted));

        _time.Advance(TimeSpan.FromMinutes(31));
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            (i % 2 == 0 ? a : b).Services.GetRequiredService<AbandonmentSweeper>().SweepAsync(CancellationToken.None))));

        var abandoned = (await b.Events()).Where(e => e.Kind == EventKinds.FlowAbandoned).ToList();
        Assert.Equal(6, abandoned.Count);
        Assert.Equal(6, abandoned.Select(e => e.RunId).Distinct().Count());
    }

    [Fact]
    public async Task Turns_on_one_conversation_posted_to_both_instances_at_once_all_count()
    {
        await using var a = Instance();
        await using var b = Instance();
        var clientA = a.CreateClient();
        var clientB = b.CreateClient();
        await a.Send(clientA, "shared", null, type: "conversationUpdate");

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => i % 2 == 0
            ? a.Send(clientA, "shared", "cho hỏi chút")
            : b.Send(clientB, "shared", "cho hỏi chút")));

        var store = a.Services.GetRequiredService<GuidanceBot.Engine.IConversationStore>();
        var state = System.Text.Json.Nodes.JsonNode.Parse((await store.LoadAsync(new GuidanceBot.Engine.ConversationKey("test", "shared"), CancellationToken.None))!.Json)!;
        Assert.Equal(11, state["turnCount"]!.GetValue<long>());
    }
}
