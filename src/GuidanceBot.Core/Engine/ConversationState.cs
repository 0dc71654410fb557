using System.Text.Json.Nodes;
using GuidanceBot.Dialogs;

namespace GuidanceBot.Engine;

/// <summary>Everything the bot remembers about one conversation between turns. Persisted as JSON with an ETag.</summary>
public sealed class ConversationState
{
    /// <summary>A random id used in analytics instead of the channel's conversation or user id.</summary>
    public string AnalyticsId { get; set; } = "";

    /// <summary>The language the citizen chose or the page passed ("vi" or "en").</summary>
    public string? Language { get; set; }

    public List<DialogInstance> DialogStack { get; set; } = [];

    /// <summary>The format <see cref="DialogStack"/> was written in (0 before formats were numbered); the bot drops a stack of another format.</summary>
    public int StackFormat { get; set; }

    /// <summary>Conversation-scoped memory for dialogs (e.g. where an unfinished flow stopped).</summary>
    public JsonObject Memory { get; set; } = new();

    public long TurnCount { get; set; }

    public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>The <see cref="LastActivityAt"/> the abandonment sweep last handled; equal to it means "already swept".</summary>
    public DateTimeOffset? AbandonSweptAt { get; set; }

    /// <summary>The flow step whose message the bot showed last, named on flow-abandoned events.</summary>
    public ShownStep? LastShown { get; set; }

    /// <summary>The id of the commune-level unit the citizen said they live in (only the id: never their text or address).</summary>
    public string? Commune { get; set; }

    /// <summary>The bot asked which commune the citizen lives in: it asks once per conversation.</summary>
    public bool CommuneAsked { get; set; }

    /// <summary>The question about the citizen's commune waiting for an answer, if any.</summary>
    public CommuneQuestion? CommuneQuestion { get; set; }
}

/// <summary>A flow step as shown to the citizen: which flow, which step, in which run.</summary>
public sealed record ShownStep(string Flow, string Step, string Run);
