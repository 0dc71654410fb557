using GuidanceBot.Activities;
using GuidanceBot.Analytics;
using GuidanceBot.Engine;
using GuidanceBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace GuidanceBot.Tests;

/// <summary>A scripted conversation with a bot through the real turn engine, for transcript-style tests.</summary>
public sealed class Conversation
{
    private readonly TurnEngine _engine;
    private readonly string _locale;
    private int _n;

    public Conversation(IBot bot, IConversationStore? store = null, string id = "test", string locale = "vi-VN", TimeProvider? time = null)
    {
        Store = store ?? new InMemoryStore();
        _engine = new TurnEngine(Store, bot, time ?? TimeProvider.System, NullLogger<TurnEngine>.Instance);
        Id = id;
        _locale = locale;
    }

    public IConversationStore Store { get; }
    public string Id { get; }
    public IReadOnlyList<Activity> LastReplies { get; private set; } = [];

    /// <summary>All reply texts of the last turn joined by newlines.</summary>
    public string LastText => string.Join("\n", LastReplies.Select(r => r.Text));

    /// <summary>The buttons of the last reply that has any.</summary>
    public IReadOnlyList<string> Buttons =>
        LastReplies.LastOrDefault(r => r.SuggestedActions is not null)?.SuggestedActions!.Actions.Select(a => a.Title ?? "").ToList() ?? [];

    public Task<IReadOnlyList<Activity>> Join() => Send(new Activity
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [new ChannelAccount { Id = "user" }],
    });

    public Task<IReadOnlyList<Activity>> Say(string text) => Send(new Activity { Type = ActivityTypes.Message, Text = text });

    public async Task<IReadOnlyList<Activity>> Send(Activity activity)
    {
        activity.Id ??= $"m{++_n}";
        activity.ChannelId ??= "test";
        activity.From ??= new ChannelAccount { Id = "user" };
        activity.Recipient ??= new ChannelAccount { Id = "bot" };
        activity.Conversation ??= new ConversationAccount { Id = Id };
        activity.Locale ??= _locale;
        LastReplies = await _engine.ProcessAsync(activity, CancellationToken.None);
        return LastReplies;
    }

    public async Task<IReadOnlyList<AnalyticsEvent>> Events() => await ((IAnalyticsSink)Store).ReadAsync(null, CancellationToken.None);
}
