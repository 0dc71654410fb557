using GuidanceBot.Content;
using GuidanceBot.Language;

namespace GuidanceBot.Bot;

/// <summary>
/// How the bot's own reading of free text with nothing running (<see cref="MessageReader.Decide"/>: acts, fact questions,
/// out-of-scope topics, procedures) does on a labelled set. Each set is split by position: odd lines were the dev half
/// that tuning looked at, even lines the held-out half.
/// </summary>
public sealed class ConversationEvaluation
{
    /// <summary>One utterance the bot got wrong: its 1-based position in the set, what it should have done and what it did.</summary>
    public sealed record Miss(int Position, string Text, string Expected, string Decided)
    {
        public bool InDevHalf => Position % 2 == 1;
    }

    public required IntentEvaluation.Tally Overall { get; init; }
    public required IntentEvaluation.Tally Dev { get; init; }
    public required IntentEvaluation.Tally HeldOut { get; init; }
    public required IntentEvaluation.Tally Unaccented { get; init; }

    /// <summary>For the acts set: the lines that are not, once canonical, exactly a phrase the act recogniser lists.</summary>
    public IntentEvaluation.Tally? NotAPhrase { get; init; }

    /// <summary>For the out-of-scope set: answered with the labelled topic, not only as out of scope.</summary>
    public IntentEvaluation.Tally? RightTopic { get; init; }

    public required IReadOnlyList<Miss> Misses { get; init; }

    /// <summary>What the decision does, as the sets label it: an act's name, a flow id (started), out-of-scope:topic, question, confirm or none.</summary>
    public static string Label(Route route) => route.Kind switch
    {
        RouteKind.Act => route.Act!.Value.Name(),
        RouteKind.Start => route.Flow!.Id,
        RouteKind.OutOfScope => route.Topic!.IntentId,
        RouteKind.Question => "question",
        RouteKind.Confirm => "confirm:" + string.Join(",", route.Flows.Select(f => f.Id)),
        _ => LabelledUtterance.None,
    };

    /// <summary>Acts (and messages that greet and name a need): right when the bot answers that act, or starts that flow.</summary>
    public static ConversationEvaluation Acts(MessageReader reader, IReadOnlyList<LabelledUtterance> set)
    {
        var (result, _) = Run(reader, set, (expected, route) => Label(route) == expected);
        var unlisted = set.Where(u => !CueRecognizer.IsKnownPhrase(u.Text)).ToList();
        var missed = result.Misses.Count(m => !CueRecognizer.IsKnownPhrase(m.Text));
        return result.With(notAPhrase: new IntentEvaluation.Tally(unlisted.Count - missed, unlisted.Count));
    }

    /// <summary>
    /// Procedures (intents.tsv): a flow is right when the bot starts it; <c>none</c> is right when no flow starts
    /// (an act, an out-of-scope answer, a question back, a confirmation or "not understood").
    /// </summary>
    public static ConversationEvaluation Procedures(MessageReader reader, IReadOnlyList<LabelledUtterance> set) =>
        Run(reader, set, (expected, route) => expected == LabelledUtterance.None ? route.Kind != RouteKind.Start : route.Kind == RouteKind.Start && route.Flow!.Id == expected).Result;

    /// <summary>Out of scope: right when the bot answers it as out of scope, whichever topic; <see cref="RightTopic"/> counts the labelled topic.</summary>
    public static ConversationEvaluation OutOfScope(MessageReader reader, IReadOnlyList<LabelledUtterance> set)
    {
        var (result, decided) = Run(reader, set, (_, route) => route.Kind == RouteKind.OutOfScope);
        var topic = set.Where((u, i) => decided[i] == OutOfScopeTopic.IntentPrefix + u.Expected).Count();
        return result.With(rightTopic: new IntentEvaluation.Tally(topic, set.Count));
    }

    /// <summary>
    /// A set that mixes all three (fresh.tsv): an act's line is right when the bot answers that act, a flow's when it starts
    /// that flow, an <c>out-of-scope:topic</c> line when it answers as out of scope (<see cref="RightTopic"/> counts the topic).
    /// </summary>
    public static ConversationEvaluation Mixed(MessageReader reader, IReadOnlyList<LabelledUtterance> set)
    {
        var (result, decided) = Run(reader, set, (expected, route) => OutOfScopeTopic.IsIntent(expected) ? route.Kind == RouteKind.OutOfScope : Label(route) == expected);
        var topics = set.Select((u, i) => (u.Expected, Decided: decided[i])).Where(u => OutOfScopeTopic.IsIntent(u.Expected)).ToList();
        var topic = topics.Count(u => u.Decided == u.Expected);
        return result.With(rightTopic: new IntentEvaluation.Tally(topic, topics.Count));
    }

    private ConversationEvaluation With(IntentEvaluation.Tally? notAPhrase = null, IntentEvaluation.Tally? rightTopic = null) => new()
    {
        Overall = Overall,
        Dev = Dev,
        HeldOut = HeldOut,
        Unaccented = Unaccented,
        NotAPhrase = notAPhrase ?? NotAPhrase,
        RightTopic = rightTopic ?? RightTopic,
        Misses = Misses,
    };

    /// <summary>The tallies, and what the bot decided for each line (<see cref="Label"/>) for the counts a set adds.</summary>
    private static (ConversationEvaluation Result, string[] Decided) Run(MessageReader reader, IReadOnlyList<LabelledUtterance> set, Func<string, Route, bool> right)
    {
        int[] overall = [0, 0], dev = [0, 0], heldOut = [0, 0], unaccented = [0, 0];
        var misses = new List<Miss>();
        var decided = new string[set.Count];
        for (var i = 0; i < set.Count; i++)
        {
            var item = set[i];
            var route = reader.Decide(reader.Read(item.Text));
            decided[i] = Label(route);
            var ok = right(item.Expected, route) ? 1 : 0;
            Count(overall, ok);
            // Position i + 1: odd positions are the dev half.
            Count(i % 2 == 0 ? dev : heldOut, ok);
            if (item.IsUnaccented)
            {
                Count(unaccented, ok);
            }
            if (ok == 0)
            {
                misses.Add(new Miss(i + 1, item.Text, item.Expected, decided[i]));
            }
        }
        var result = new ConversationEvaluation
        {
            Overall = Tally(overall),
            Dev = Tally(dev),
            HeldOut = Tally(heldOut),
            Unaccented = Tally(unaccented),
            Misses = misses,
        };
        return (result, decided);

        static void Count(int[] tally, int ok)
        {
            tally[0] += ok;
            tally[1]++;
        }

        static IntentEvaluation.Tally Tally(int[] tally) => new(tally[0], tally[1]);
    }
}
