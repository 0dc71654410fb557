using GuidanceBot.Activities;
using GuidanceBot.Analytics;
using GuidanceBot.Engine;
using Microsoft.Extensions.Logging.Abstractions;

namespace GuidanceBot.Tests;

/// <summary>A scripted conversation with a bot through the real turn engine, for transcript-style tests.</summary>
public sealed class Conversation
{
    private readonly TurnEngine _engine;
    private readonly string _locale;
    private readonly bool _sharedStore;
    private int _n;

    /// <param name="store">The store to keep state and events in; without one, the shared test database under an id of its own.</param>
    public Conversation(IBot bot, IConversationStore? store = null, string id = "test", string locale = "vi-VN", TimeProvider? time = null)
    {
        _sharedStore = store is null;
        Store = store ?? TestDatabase.Shared.Store;
        _engine = new TurnEngine(Store, bot, time ?? TimeProvider.System, NullLogger<TurnEngine>.Instance);
        Id = _sharedStore ? $"{id}-{Guid.NewGuid():N}" : id;
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

    /// <summary>The events recorded so far: in the shared test database, this conversation's; else all the store has.</summary>
    public async Task<IReadOnlyList<AnalyticsEvent>> Events()
    {
        string? analyticsId = null;
        if (_sharedStore)
        {
            var stored = await Store.LoadAsync(new ConversationKey("test", Id), CancellationToken.None);
            if (stored is null)
            {
                return [];
            }
            analyticsId = System.Text.Json.JsonSerializer.Deserialize(stored.Json, StateJson.Default.ConversationState)!.AnalyticsId;
        }
        return await ((IAnalyticsSink)Store).ReadAsync(analyticsId, CancellationToken.None);
    }
}
