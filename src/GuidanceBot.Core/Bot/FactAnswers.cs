using GuidanceBot.Content;
using GuidanceBot.Engine;

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
        var about = nameTheFlow ? turn.T($"Về \"{flow.Title.Vi}\": ", $"About \"{flow.Title.For("en")}\": ") : "";
        if (answer is null && ToldLater(flow, fact))
        {
            return (about + turn.T(
                $"{Label(fact).Vi} tùy trường hợp của bạn: mình hỏi vài câu rồi sẽ cho bạn biết ở bước đó.",
                $"The {Noun(fact).For("en")} depends on your case: I will ask a few questions and tell you at that step."), "later");
        }
        if (answer is null)
        {
            return (about + turn.T(
                $"Mình chưa có thông tin chắc chắn về {Noun(fact).Vi} của thủ tục này nên không đoán. Bạn hỏi tổng đài {options.Hotline} hoặc xem trang thủ tục: {flow.Source.Url}",
                $"I have no confirmed information on the {Noun(fact).For("en")} of this procedure, so I will not guess. Ask the hotline {options.Hotline} or see the procedure's page: {flow.Source.Url}"), "no");
        }
        var hedge = flow.Source.IsUnconfirmed(fact)
            ? turn.T("\n(Thông tin này chưa được xác nhận chắc chắn; bạn kiểm tra lại trên trang thủ tục trước khi nộp.)",
                "\n(This is not fully confirmed; please check it on the procedure's page before you apply.)")
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
                FactNames.Time when inform.Time is { } time => turn.T("Thời gian giải quyết: ", "Processing time: ") + time.For(turn.Language),
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
        FactNames.Fee => new("Lệ phí", "Fee"),
        FactNames.Time => new("Thời gian giải quyết", "Processing time"),
        FactNames.Documents => new("Giấy tờ cần chuẩn bị", "Documents"),
        FactNames.Where => new("Nơi nộp, cơ quan giải quyết", "Where to apply"),
        FactNames.Online => new("Nộp trực tuyến", "Applying online"),
        FactNames.Legal => new("Căn cứ pháp lý", "Legal basis"),
        FactNames.Next => new("Sau khi nộp", "After you apply"),
        _ => new(fact, fact),
    };

    private static LocalizedText Noun(string fact) => fact switch
    {
        FactNames.Fee => new("lệ phí", "fee"),
        FactNames.Time => new("thời gian giải quyết", "processing time"),
        FactNames.Documents => new("giấy tờ cần chuẩn bị", "documents needed"),
        FactNames.Where => new("nơi nộp hồ sơ", "place to apply"),
        FactNames.Online => new("việc nộp trực tuyến", "online application"),
        FactNames.Legal => new("căn cứ pháp lý", "legal basis"),
        FactNames.Next => new("các bước sau khi nộp", "steps after applying"),
        _ => new(fact, fact),
    };
}
