using GuidanceBot.Activities;
using GuidanceBot.Analytics;
using GuidanceBot.Texts;

namespace GuidanceBot.Engine;

/// <summary>One turn: the incoming activity, the conversation's state, and what the turn sends and records.</summary>
public sealed class TurnContext
{
    private readonly List<Activity> _replies = [];
    private readonly List<AnalyticsEvent> _events = [];

    public TurnContext(Activity activity, ConversationState state, DateTimeOffset now)
    {
        Activity = activity;
        State = state;
        Now = now;
        Channel = activity.ChannelId ?? "unknown";
    }

    public Activity Activity { get; }
    public ConversationState State { get; }
    public DateTimeOffset Now { get; }
    public string Channel { get; }

    public IReadOnlyList<Activity> Replies => _replies;

    /// <summary>Values dialogs pass to each other within this turn only (never saved).</summary>
    public Dictionary<string, object> Items { get; } = new(StringComparer.Ordinal);
    public IReadOnlyList<AnalyticsEvent> Events => _events;

    /// <summary>"en" when the citizen chose English or the page asked for it, otherwise "vi".</summary>
    public string Language => State.Language ?? LanguageOf(Activity.Locale);

    public bool IsEnglish => Language == "en";

    /// <summary>A fixed bot text (Texts/BotText.resx) in the conversation's language, with its {0}, {1}… filled in.</summary>
    public string Text(string key, params object?[] args) => BotTexts.Get(Language, key, args);

    public static string LanguageOf(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "vi";

    /// <summary>Queues a message; it is delivered after the turn's state and events are saved.</summary>
    public Activity Send(string text, IEnumerable<CardAction>? actions = null)
    {
        var reply = Activity.CreateReply(text);
        reply.Locale = IsEnglish ? "en-US" : "vi-VN";
        var list = actions?.ToList();
        if (list is { Count: > 0 })
        {
            reply.SuggestedActions = new SuggestedActions { Actions = list };
            reply.InputHint = "expectingInput";
        }
        _replies.Add(reply);
        return reply;
    }

    public void Send(Activity activity) => _replies.Add(activity);

    /// <summary>Records an analytics event for this conversation; saved in the same transaction as the state.</summary>
    public void Record(string kind, string? flowId = null, string? stepId = null,
        IReadOnlyDictionary<string, string>? properties = null, string? runId = null, string? contentVersion = null) =>
        _events.Add(new AnalyticsEvent(State.AnalyticsId, Channel, kind, Now)
        {
            FlowId = flowId,
            StepId = stepId,
            RunId = runId,
            ContentVersion = contentVersion,
            Language = Language,
            Properties = properties,
        });
}
