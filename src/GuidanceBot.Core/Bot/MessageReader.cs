using GuidanceBot.Content;
using GuidanceBot.Language;

namespace GuidanceBot.Bot;

/// <summary>
/// Reads free text — acts, fact questions, then the intent recognisers on what is left — and decides what it asks
/// for. The router, flows and <c>guidancebot eval</c> all decide through here, so the evaluation measures what the bot does.
/// </summary>
public sealed class MessageReader(Func<FlowCatalog> catalog, IIntentRecognizer intents, BotOptions options)
{
    /// <summary>Flows and topics considered per message: enough for three flow candidates after out-of-scope topics.</summary>
    private const int Considered = 5;

    /// <summary>Unrecognised words a message of acts may carry and still be answered as its acts.</summary>
    private const int ActsBesideUnknownWords = 2;

    public Reading Read(string text)
    {
        var cues = CueRecognizer.Read(text);
        return new Reading(text, cues, cues.HasContent ? intents.Recognize(cues.Rest, Considered) : []);
    }

    /// <summary>The flow the message strongly asks for, other than <paramref name="except"/>; null when the best match is not a strong flow.</summary>
    public FlowDefinition? StrongFlow(Reading reading, string? except = null) =>
        reading.Matches is [var top, ..] && top.Score >= options.StrongMatch && top.FlowId != except ? catalog().Find(top.FlowId) : null;

    /// <summary>The out-of-scope topic the message is about, when that is the best match and close enough.</summary>
    public OutOfScopeTopic? OutOfScope(Reading reading) =>
        reading.Matches is [var top, ..] && top.Score >= options.OutOfScopeMatch ? catalog().FindOutOfScope(top.FlowId) : null;

    /// <summary>
    /// The candidates to confirm when the best flow scores from <see cref="BotOptions.ConfirmMatch"/>: the flows scoring from
    /// it, best first, at most three, and at least two when there is another flow to offer; none otherwise.
    /// </summary>
    public IReadOnlyList<FlowDefinition> Candidates(Reading reading)
    {
        var flows = reading.Matches.Select(m => (Match: m, Flow: catalog().Find(m.FlowId))).Where(m => m.Flow is not null).ToList();
        if (flows.Count == 0 || flows[0].Match.Score < options.ConfirmMatch)
        {
            return [];
        }
        // The best two whatever the second scores, a third only when it is as close.
        return flows.TakeWhile((m, i) => i < 2 || i < 3 && m.Match.Score >= options.ConfirmMatch).Select(m => m.Flow!).ToList();
    }

    /// <summary>The closest flows whatever their score, for "not understood".</summary>
    public IReadOnlyList<FlowDefinition> Closest(Reading reading) =>
        reading.Matches.Select(m => catalog().Find(m.FlowId)).OfType<FlowDefinition>().Take(3).ToList();

    /// <summary>What to do with a message when no flow is running.</summary>
    public Route Decide(Reading reading)
    {
        var cues = reading.Cues;
        if (cues.Questions.Count > 0)
        {
            if (StrongFlow(reading) is { } asked)
            {
                return new Route(RouteKind.Start, reading) { Flow = asked };
            }
            if (OutOfScope(reading) is { } elsewhere)
            {
                return new Route(RouteKind.OutOfScope, reading) { Topic = elsewhere };
            }
            if (!cues.HasContent)
            {
                return new Route(RouteKind.Question, reading);
            }
            return Candidates(reading) is { Count: > 0 } candidates
                ? new Route(RouteKind.Confirm, reading) { Flows = candidates }
                : new Route(RouteKind.NotUnderstood, reading) { Flows = Closest(reading) };
        }
        // Acts are answered, never "not understood", also beside a word or two that say nothing certain ("bực thật sự");
        // beside more, the citizen said something the bot did not get, and is told so.
        var actsAnswer = cues.Acts.Count > 0 && (cues.ContentWords <= ActsBesideUnknownWords || reading.Matches.Count == 0);
        if (cues.HasContent)
        {
            if (OutOfScope(reading) is { } topic)
            {
                return new Route(RouteKind.OutOfScope, reading) { Topic = topic };
            }
            if (StrongFlow(reading) is { } flow)
            {
                return new Route(RouteKind.Start, reading) { Flow = flow };
            }
            if (!actsAnswer && Liken(reading) is { } liked)
            {
                return liked;
            }
            if (!actsAnswer && Candidates(reading) is { Count: > 0 } candidates)
            {
                return new Route(RouteKind.Confirm, reading) { Flows = candidates };
            }
        }
        if (actsAnswer)
        {
            return new Route(RouteKind.Act, reading) { Act = ConversationalActs.Main(cues.Acts) };
        }
        // A bare yes or no with nothing running answers the bot's last "anything else?": go on, or close politely.
        if (ConfirmRecognizer.Recognize(reading.Text) is { } yes)
        {
            return new Route(RouteKind.Act, reading) { Act = yes ? ConversationalAct.Acknowledgement : ConversationalAct.Goodbye };
        }
        // A message with content reaches here only after its likeness was weighed above, and found wanting.
        return (cues.HasContent ? null : Liken(reading)) ?? new Route(RouteKind.NotUnderstood, reading) { Flows = Closest(reading) };
    }

    /// <summary>The act a message without an exact act phrase reads like ("ad là người thật hả"), when it is close enough.</summary>
    private static Route? Liken(Reading reading) =>
        ActLikeness.Nearest(reading.Text) is { } like && like.Score >= ActLikeness.Threshold
            ? new Route(RouteKind.Act, reading) { Act = like.Act }
            : null;
}
