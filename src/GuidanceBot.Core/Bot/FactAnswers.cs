using GuidanceBot.Content;
using GuidanceBot.Engine;
using GuidanceBot.Texts;

namespace GuidanceBot.Bot;

/// <summary>
/// Answers "bao nhiêu tiền?", "mất bao lâu?", "cần giấy tờ gì?"… for one procedure from its own file: the step on screen
/// where it says more (an inform step's fee, time or checklist), then the flow's facts (the province's own when set),
/// then what the steps this run went through said; when only a later step says it, that the guide will tell. Nothing
/// there: an honest "chưa có thông tin" with the hotline and the procedure's page, never a guess and never another
/// procedure's fact.
/// </summary>
public sealed class FactAnswers(BotOptions options, StepRenderer renderer)
{
    /// <summary>The answer, and how it was answered for analytics: "yes", "later" (a step ahead tells) or "no" (no information).</summary>
    public (string Text, string Answered) Answer(TurnContext turn, FlowDefinition flow, string fact, FlowRun? run, bool nameTheFlow)
    {
        var answer = FromSteps(turn, flow, fact, run) ?? FromFacts(turn, flow, fact);
        var about = nameTheFlow ? turn.Text("AboutFlow", flow.Title.For(turn.Language)) : "";
        if (answer is null && ToldLater(flow, fact))
        {
            // Vietnamese opens the sentence with the fact's label, English with "The" and its noun.
            var subject = (turn.IsEnglish ? Noun(fact) : Label(fact)).For(turn.Language);
            return (about + turn.Text("FactLater", subject), "later");
        }
        if (answer is null)
        {
            return (about + turn.Text("FactUnknown", Noun(fact).For(turn.Language), options.Hotline, flow.Source.Url), "no");
        }
        var hedge = flow.Source.IsUnconfirmed(fact)
            ? "\n" + turn.Text("FactNotConfirmed")
            : "";
        return (about + answer + hedge, "yes");
    }

    /// <summary>Some inform step of the flow says this fact (the run may not have reached it, or its answers decide it).</summary>
    private static bool ToldLater(FlowDefinition flow, string fact) =>
        flow.Steps.OfType<InformStep>().Any(inform => fact switch
        {
            FactNames.Fee => inform.Fee is not null,
            FactNames.Time => inform.Time is not null,
            FactNames.Documents => inform.Documents.Count > 0,
            _ => false,
        });

    /// <summary>What a step of this run says about the fact: the step on screen first, then those before it, latest first.</summary>
    private string? FromSteps(TurnContext turn, FlowDefinition flow, string fact, FlowRun? run)
    {
        if (run is null || run.Flow != flow.Id)
        {
            return null;
        }
        foreach (var id in run.History.Append(run.Step).Reverse().Distinct(StringComparer.Ordinal))
        {
            if (flow.FindStep(id) is not InformStep inform)
            {
                continue;
            }
            var said = fact switch
            {
                FactNames.Fee when inform.Fee is { } fee => renderer.Fee(turn, fee),
                FactNames.Time when inform.Time is { } time => turn.Text("ProcessingTime") + time.For(turn.Language),
                FactNames.Documents when inform.DocumentsFor(run.Answers).Count > 0 => renderer.Checklist(turn, inform, run.Answers),
                _ => null,
            };
            if (!string.IsNullOrEmpty(said))
            {
                return said;
            }
        }
        return null;
    }

    private string? FromFacts(TurnContext turn, FlowDefinition flow, string fact)
    {
        if (flow.Facts.For(fact, options.Province) is { } text)
        {
            return $"{Label(fact).For(turn.Language)}: {text.For(turn.Language)}";
        }
        // The source's legal basis is the file's own statement of it, written for staff but true for citizens too.
        return fact == FactNames.Legal && flow.Source.Legal is { } legal ? $"{Label(fact).For(turn.Language)}: {legal}" : null;
    }

    private static LocalizedText Label(string fact) => fact switch
    {
        FactNames.Fee => BotTexts.Pair("FactFee"),
        FactNames.Time => BotTexts.Pair("FactTime"),
        FactNames.Documents => BotTexts.Pair("FactDocuments"),
        FactNames.Where => BotTexts.Pair("FactWhere"),
        FactNames.Online => BotTexts.Pair("FactOnline"),
        FactNames.Legal => BotTexts.Pair("FactLegal"),
        FactNames.Next => BotTexts.Pair("FactNext"),
        _ => new(fact, fact),
    };

    private static LocalizedText Noun(string fact) => fact switch
    {
        FactNames.Fee => BotTexts.Pair("FactFeeNoun"),
        FactNames.Time => BotTexts.Pair("FactTimeNoun"),
        FactNames.Documents => BotTexts.Pair("FactDocumentsNoun"),
        FactNames.Where => BotTexts.Pair("FactWhereNoun"),
        FactNames.Online => BotTexts.Pair("FactOnlineNoun"),
        FactNames.Legal => BotTexts.Pair("FactLegalNoun"),
        FactNames.Next => BotTexts.Pair("FactNextNoun"),
        _ => new(fact, fact),
    };
}
