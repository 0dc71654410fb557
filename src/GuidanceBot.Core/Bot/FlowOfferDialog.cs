using System.Text.Json;
using System.Text.Json.Nodes;
using GuidanceBot.Analytics;
using GuidanceBot.Content;
using GuidanceBot.Dialogs;
using GuidanceBot.Engine;
using GuidanceBot.Language;
using GuidanceBot.Texts;

namespace GuidanceBot.Bot;

/// <summary>
/// "Có phải bạn muốn …?" for free text that matches flows only moderately: the candidates and "Không phải" as buttons,
/// through a choice prompt on the stack. A pick starts that flow (named); "Không phải" gets the menu; anything else is read
/// again by the router.
/// </summary>
public sealed class FlowOfferDialog(Func<FlowCatalog> catalog) : Dialog(DialogId)
{
    public const string DialogId = "flow-offer";

    /// <summary>The choice prompt it asks with; registered by the dialog that holds it (the root).</summary>
    public const string ChoicePromptId = "flow-offer-choice";

    private static readonly Content.LocalizedText NotThese = BotTexts.Pair("NoneOfThese");

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        var offer = options?.Deserialize(BotStateJson.Default.FlowOffer) ?? throw new ArgumentException("A flow offer needs its flows.", nameof(options));
        dc.ActiveDialog!.State["offer"] = options.DeepClone();
        var flows = offer.Offered.Select(id => catalog().Find(id)).OfType<FlowDefinition>().ToList();
        dc.Turn.Record(EventKinds.ConfirmAsked, properties: new Dictionary<string, string>
        {
            ["offered"] = string.Join(",", offer.Offered),
            // What was asked, for staff to see which wordings leave the bot unsure (redacted again before it is stored).
            [TurnEngine.TextProperty] = Redactor.Redact(dc.Turn.Activity.Text ?? ""),
        });
        PromptOptions Choice(string language) => new()
        {
            Prompt = BotTexts.Get(language, "IsItOneOfThese"),
            Choices = [.. flows.Select(f => f.Title.For(language)), NotThese.For(language)],
            PassOn = true,
        };
        var choice = Choice("vi");
        choice.En = Choice("en");
        return dc.PromptAsync(ChoicePromptId, choice, cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, DialogReason reason, JsonNode? result, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var offer = dc.ActiveDialog!.State["offer"].Deserialize(BotStateJson.Default.FlowOffer)!;
        var chosen = reason != DialogReason.PassedOn && FoundChoice.From(result) is { } found && found.Index < offer.Offered.Count
            ? offer.Offered[found.Index]
            : null;
        Record(turn, chosen ?? "none");
        if (chosen is not null)
        {
            return await dc.EndDialogAsync(new RouterRequest(Start: chosen, Questions: offer.Questions).ToJson(), cancellationToken);
        }
        if (reason == DialogReason.PassedOn)
        {
            return await dc.EndDialogAsync(new RouterRequest(Reroute: true).ToJson(), cancellationToken);
        }
        turn.Send(turn.Text("OfferWrongPickGroup"),
            TopicMenu.Buttons(turn));
        return await dc.EndDialogAsync(new RouterRequest().ToJson(), cancellationToken);
    }

    private static void Record(TurnContext turn, string chosen) =>
        turn.Record(EventKinds.ConfirmAnswered, properties: new Dictionary<string, string> { ["chosen"] = chosen });
}
