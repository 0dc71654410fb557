using System.Text;
using GuidanceBot.Activities;
using GuidanceBot.Content;
using GuidanceBot.Engine;

namespace GuidanceBot.Bot;

/// <summary>
/// How a flow step looks to the citizen: the question, checklist or instruction, tailored by earlier answers, with its
/// buttons and tracked links, in the conversation's language. Knows nothing of how runs move on.
/// </summary>
public sealed class StepRenderer(BotOptions options)
{
    /// <summary>Sends the step as it stands (a do step whose stuck help is on screen shows that help).</summary>
    public void Show(TurnContext turn, FlowDefinition flow, StepDefinition step, FlowRun run)
    {
        turn.State.LastShown = new ShownStep(flow.Id, step.Id, run.Run);
        var text = step switch
        {
            AskStep ask => ask.Question.For(turn.Language),
            InformStep inform => Checklist(turn, inform, run.Answers),
            DoStep @do => (run.Stuck ? @do.Stuck : @do.Instruction).For(turn.Language),
            _ => null,
        };
        if (text is not null)
        {
            turn.Send(text, Buttons(turn, step, run));
        }
    }

    /// <summary>The buttons of the step as it stands: its choices, Continue, or Done / Stuck, then its links.</summary>
    public IReadOnlyList<CardAction> Buttons(TurnContext turn, StepDefinition step, FlowRun run) => step switch
    {
        AskStep ask => ask.Choices.Select(c => CardAction.ImBack(c.Label.For(turn.Language))).ToList(),
        InformStep inform => [Button(turn, FlowLabels.Continue), .. Links(turn, inform.Links, run)],
        DoStep @do when run.Stuck => [Button(turn, FlowLabels.Worked), Button(turn, FlowLabels.StillStuck), .. Links(turn, @do.Links, run)],
        DoStep @do => [Button(turn, FlowLabels.Done), Button(turn, FlowLabels.Stuck), .. Links(turn, @do.Links, run)],
        _ => [],
    };

    /// <summary>Link buttons through the tracked redirect /go/{id}, which records the click for this conversation and run.</summary>
    public IEnumerable<CardAction> Links(TurnContext turn, IReadOnlyList<FlowLink> links, FlowRun? run) =>
        links.Select(link => new CardAction
        {
            Type = CardActionTypes.OpenUrl,
            Title = link.Label.For(turn.Language),
            Value = $"{options.PublicBaseUrl.TrimEnd('/')}/go/{Uri.EscapeDataString(link.Id)}?c={turn.State.AnalyticsId}"
                + (run is null ? "" : $"&r={run.Run}") + $"&ch={Uri.EscapeDataString(turn.Channel)}",
        });

    /// <summary>An inform step's text with the documents that apply to these answers, its fee (the province's own when set) and time.</summary>
    public string Checklist(TurnContext turn, InformStep inform, IReadOnlyDictionary<string, int> answers)
    {
        var text = new StringBuilder(inform.Text.For(turn.Language));
        foreach (var document in inform.DocumentsFor(answers))
        {
            text.Append("\n• ").Append(document.Text.For(turn.Language));
        }
        if (inform.Fee is { } fee && Fee(turn, fee) is { Length: > 0 } fees)
        {
            text.Append('\n').Append(fees);
        }
        if (inform.Time is { } time)
        {
            text.Append('\n').Append(turn.Text("ProcessingTime")).Append(time.For(turn.Language));
        }
        return text.ToString();
    }

    /// <summary>A step's fee as lines: online (the province's own when set) and in person.</summary>
    public string Fee(TurnContext turn, FeeDefinition fee)
    {
        var lines = new List<string>();
        if (fee.OnlineFor(options.Province) is { } online)
        {
            lines.Add(turn.Text("FeeOnline") + online.For(turn.Language));
        }
        if (fee.InPerson is { } inPerson)
        {
            lines.Add(turn.Text("FeePerson") + inPerson.For(turn.Language));
        }
        return string.Join('\n', lines);
    }

    /// <summary>The first line of what a step says, short enough to name the step in a sentence ("Lần trước bạn dừng ở bước …").</summary>
    public static string? Headline(StepDefinition? step, string language)
    {
        var text = step switch
        {
            AskStep ask => ask.Question.For(language),
            InformStep inform => inform.Text.For(language),
            DoStep @do => @do.Instruction.For(language),
            _ => null,
        };
        if (text is null)
        {
            return null;
        }
        var line = text.Split('\n')[0];
        return line.Length <= 80 ? line : line[..77] + "…";
    }

    private static CardAction Button(TurnContext turn, LocalizedText label) => CardAction.ImBack(label.For(turn.Language));
}
