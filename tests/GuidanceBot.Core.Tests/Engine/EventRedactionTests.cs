using GuidanceBot.Analytics;
using GuidanceBot.Engine;
using GuidanceBot.Language;
using GuidanceBot.Tests.Bot;
using Microsoft.Extensions.Logging.Abstractions;

namespace GuidanceBot.Tests.Engine;

/// <summary>The turn engine hands the text of every event that carries one to the configured analyser before saving.</summary>
public sealed class EventRedactionTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Text_on_events_from_the_router_and_from_a_flow_goes_through_the_analyser()
    {
        var store = _database.Store;
        var analyzer = new MarkingAnalyzer();
        var engine = new TurnEngine(store, RealBot.Create(), TimeProvider.System, NullLogger<TurnEngine>.Instance, analyzer: analyzer);

        await engine.ProcessAsync(Message("hỏi về con mèo tên Mimi, sđt 0912345678"), CancellationToken.None);
        await engine.ProcessAsync(Message("tôi muốn làm giấy khai sinh cho con"), CancellationToken.None);
        await engine.ProcessAsync(Message("con mèo nhà tôi"), CancellationToken.None);

        // The router answers the first as out of scope or not understood (both keep the text), the flow does not understand the last.
        var events = (await store.ReadAsync(null, CancellationToken.None)).Where(e => e.Property("text") is not null).ToList();
        Assert.Equal(2, events.Count);
        Assert.Contains(events[0].Kind, new[] { EventKinds.OutOfScope, EventKinds.NotUnderstood });
        Assert.Equal(EventKinds.NotUnderstood, events[1].Kind);
        var texts = events.Select(e => e.Property("text")).ToList();
        // The local redactor ran first (in the dialogs), the analyser on top.
        Assert.Equal("hỏi về con mèo tên Mimi, sđt [SĐT] (vi)", texts[0]);
        Assert.Equal("con mèo nhà tôi (vi)", texts[1]);
        Assert.DoesNotContain(analyzer.Seen, t => t.Contains("0912345678"));
    }

    [Fact]
    public async Task Without_an_analyser_the_engine_redacts_locally()
    {
        var store = _database.Store;
        var engine = new TurnEngine(store, RealBot.Create(), TimeProvider.System, NullLogger<TurnEngine>.Instance);

        await engine.ProcessAsync(Message("hỏi về con mèo, sđt 0912345678"), CancellationToken.None);

        var text = Assert.Single(await store.ReadAsync(null, CancellationToken.None), e => e.Property("text") is not null).Property("text");
        Assert.Equal("hỏi về con mèo, sđt [SĐT]", text);
    }

    private static GuidanceBot.Activities.Activity Message(string text) => new()
    {
        Type = GuidanceBot.Activities.ActivityTypes.Message,
        Text = text,
        ChannelId = "test",
        Locale = "vi-VN",
        From = new() { Id = "user" },
        Recipient = new() { Id = "bot" },
        Conversation = new() { Id = "redaction" },
    };

    private sealed class MarkingAnalyzer : ITextAnalyzer
    {
        public List<string> Seen { get; } = [];

        public Task<DetectedLanguage> DetectLanguageAsync(string text, CancellationToken cancellationToken) => Task.FromResult(DetectedLanguage.Unknown);

        public Task<string> RedactAsync(string text, string language, CancellationToken cancellationToken)
        {
            Seen.Add(text);
            return Task.FromResult($"{text} ({language})");
        }
    }
}
