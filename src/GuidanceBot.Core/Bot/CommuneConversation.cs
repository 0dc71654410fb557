using GuidanceBot.Activities;
using GuidanceBot.Analytics;
using GuidanceBot.Content;
using GuidanceBot.Engine;
using GuidanceBot.Language;
using GuidanceBot.Places;
using GuidanceBot.Texts;

namespace GuidanceBot.Bot;

/// <summary>
/// The citizen's commune in the conversation: notices it when they say where they live ("tôi ở …", "nhà mình ở xã …", or
/// answering the question), remembers only its id, asks for it once where a procedure ends at the commune's own office,
/// and answers with that commune's service point — or, where the place file has none, the commune's name and whom to
/// contact, never an invented address. Former names are answered with "… nay thuộc …", a name several places share with
/// buttons, and a place the province does not have with an honest answer and no guess.
/// </summary>
public sealed class CommuneConversation(PlaceDirectory places, Func<FlowCatalog> catalog, BotOptions options)
{
    // Folded phrases that say the message names where the citizen lives, so an unknown name there gets an honest answer.
    private static readonly string[] PlaceStatements =
    [
        "toi o ", "toi song o ", "nha toi o ", "nha minh o ", "minh o ", "em o ", "nha em o ", "chau o ", "con o ", "dia chi ",
        "i live in ", "i am in ", "i'm in ", "my commune", "my ward",
    ];

    // Folded words that, at the start of a short reply, name a unit's kind.
    private static readonly string[] KindWords = ["xa ", "phuong ", "thi tran ", "p. ", "p.", "tt ", "tt.", "x. ", "commune ", "ward "];

    /// <summary>Replies longer than this are not read as a bare place name when the bot did not ask.</summary>
    private const int ShortReplyWords = 6;

    /// <summary>
    /// Reads a message the step (or the router) did not take as a statement about where the citizen lives, and says what it
    /// did. A message that also strongly asks for a procedure, or asks questions, has its commune remembered silently and
    /// is left to the caller.
    /// </summary>
    /// <param name="flow">The procedure on screen, whose office an answer names; null at the menu.</param>
    /// <param name="runs">The open runs the commune is recorded on.</param>
    public CommuneReply TryAnswer(TurnContext turn, Reading reading, bool namesAFlow, FlowDefinition? flow, IReadOnlyList<FlowRun> runs)
    {
        var state = turn.State;
        var pending = state.CommuneQuestion is { } asked && asked.IsOpen(state) ? asked : null;
        state.CommuneQuestion = null;
        var text = reading.Text;
        if (pending is { Choices.Count: > 0 } && ChoiceRecognizer.Recognize(text, pending.Choices.Select(c => c.Label).ToList()) is { Found: true } tap
            && places.Find(pending.Choices[tap.Index].Id) is { } chosen)
        {
            Remember(turn, chosen, runs);
            turn.Send(Answer(turn, chosen, null, OfficeFlow(pending, flow)));
            return CommuneReply.Answered;
        }
        var asides = reading.Cues.Questions.Count > 0 || namesAFlow;
        switch (places.Recognize(text))
        {
            case PlaceMatch.Found found:
                Remember(turn, found.Commune, runs);
                if (asides)
                {
                    return CommuneReply.None;
                }
                turn.Send(Answer(turn, found.Commune, found.Explanation, OfficeFlow(pending, flow)));
                return CommuneReply.Answered;
            case PlaceMatch.Ambiguous ambiguous when !asides:
                var choices = ambiguous.Candidates.Select(c => new CommuneChoice(c.Commune.Id, c.Label.For(turn.Language))).ToList();
                state.CommuneQuestion = new CommuneQuestion(pending?.Flow ?? flow?.Id, choices, state.TurnCount);
                var question = ambiguous.Reason switch
                {
                    AmbiguityReason.Split => turn.Text("CommuneWhichPart"),
                    AmbiguityReason.FormerDistrict => turn.Text("CommuneWhichFromDistrict"),
                    _ => turn.Text("CommuneWhichOne"),
                };
                turn.Send(question, choices.Select(c => CardAction.ImBack(c.Label)));
                return CommuneReply.Asking;
            case PlaceMatch.Unknown when !asides && reading.Cues.Acts.Count == 0 && NamesAPlace(text, pending is not null):
                turn.Send(turn.Text("CommuneUnknown", places.Name));
                return CommuneReply.Answered;
        }
        return CommuneReply.None;
    }

    /// <summary>
    /// Where a procedure sends the citizen to their commune's office (an in-person ending, a "where?" question): that
    /// office in the commune they named, or the question which commune — asked once per conversation. Says nothing for a
    /// procedure no commune's own office handles.
    /// </summary>
    public void AtOffice(TurnContext turn, FlowDefinition flow)
    {
        var office = LocalOffices.Of(flow, options.Province);
        if (office == LocalOffice.None)
        {
            return;
        }
        if (turn.State.Commune is { } id && places.Find(id) is { } commune)
        {
            turn.Send(Office(turn, commune, office));
            return;
        }
        if (!turn.State.CommuneAsked)
        {
            turn.State.CommuneAsked = true;
            turn.State.CommuneQuestion = new CommuneQuestion(flow.Id, [], turn.State.TurnCount);
            turn.Send(turn.Text("CommuneAsk"));
        }
    }

    /// <summary>The commune's id as the run's flow-started event carries it, when the citizen already named it.</summary>
    public static void Stamp(TurnContext turn, Dictionary<string, string> properties)
    {
        if (turn.State.Commune is { } id)
        {
            properties["commune"] = id;
        }
    }

    private void Remember(TurnContext turn, Commune commune, IReadOnlyList<FlowRun> runs)
    {
        var state = turn.State;
        state.CommuneQuestion = null;
        if (state.Commune == commune.Id)
        {
            return;
        }
        state.Commune = commune.Id;
        var properties = new Dictionary<string, string> { ["commune"] = commune.Id };
        if (runs.Count == 0)
        {
            turn.Record(EventKinds.CommuneKnown, properties: properties);
        }
        foreach (var run in runs)
        {
            turn.Record(EventKinds.CommuneKnown, run.Flow, run.Step.Length > 0 ? run.Step : null, properties, run.Run, run.Version);
        }
    }

    /// <summary>"Phường Điện Biên nay thuộc phường Hạc Thành." then the office for the procedure, or that the commune is noted.</summary>
    private string Answer(TurnContext turn, Commune commune, LocalizedText? explanation, FlowDefinition? flow)
    {
        var office = flow is null ? LocalOffice.None : LocalOffices.Of(flow, options.Province);
        var reply = office == LocalOffice.None ? turn.Text("CommuneNoted", Name(turn, commune)) : Office(turn, commune, office);
        return explanation is null ? reply : explanation.For(turn.Language) + "\n" + reply;
    }

    private string Office(TurnContext turn, Commune commune, LocalOffice office)
    {
        if (office == LocalOffice.Police)
        {
            return turn.Text("CommunePolice", Name(turn, commune));
        }
        if (commune.ServicePoints.Count == 0)
        {
            return turn.Text("CommuneNoServicePoint", Name(turn, commune));
        }
        var lines = new List<string> { turn.Text("CommuneServicePoints", Name(turn, commune)) };
        foreach (var point in commune.ServicePoints)
        {
            var line = $"- {point.Name}, {point.Address}";
            if (point.Phone is not null)
            {
                line += $"; {turn.Text("CommuneServicePointPhone")} {point.Phone}";
            }
            if (point.Hours is not null)
            {
                line += $"; {turn.Text("CommuneServicePointHours")} {point.Hours}";
            }
            lines.Add(line);
        }
        return string.Join("\n", lines);
    }

    /// <summary>The procedure whose office the answer names: the one the pending question was asked for, else the one on screen.</summary>
    private FlowDefinition? OfficeFlow(CommuneQuestion? pending, FlowDefinition? flow) =>
        pending?.Flow is { } asked ? catalog().Find(asked) : flow;

    private static string Name(TurnContext turn, Commune commune) =>
        turn.IsEnglish ? commune.EnglishTitle : commune.Title;

    /// <summary>
    /// The text says where the citizen lives ("tôi ở …", "xã …") or, when the bot asked, is a short reply without a
    /// question: an unknown name there is answered honestly rather than read as something else.
    /// </summary>
    private static bool NamesAPlace(string text, bool asked)
    {
        var folded = VietnameseText.Fold(text) + " ";
        if (PlaceStatements.Any(p => folded.StartsWith(p, StringComparison.Ordinal) || folded.Contains(" " + p, StringComparison.Ordinal)))
        {
            return true;
        }
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words <= ShortReplyWords && (asked || KindWords.Any(k => folded.StartsWith(k, StringComparison.Ordinal)));
    }
}
