using System.Text.Json.Nodes;
using GuidanceBot.Activities;
using GuidanceBot.Engine;
using GuidanceBot.Language;
using GuidanceBot.Texts;

namespace GuidanceBot.Dialogs;

/// <summary>
/// Asks a yes/no question; understands "có", "ko", "dạ", "chưa", "ok", "no" and the like. With two
/// <see cref="PromptOptions.Choices"/>, those are its yes and no buttons ("Có, hữu ích" / "Chưa giúp được"), recognised in
/// either language; with <see cref="PromptOptions.LabelsOnly"/>, only they answer it.
/// </summary>
public sealed class ConfirmPrompt(string id, PromptValidator<bool>? validator = null) : Prompt<bool>(id, validator)
{
    protected override PromptRecognition<bool> Recognize(TurnContext turn, string text, PromptOptions options)
    {
        if (Labels(options) is { Count: > 0 } labels)
        {
            // Labels are (yes, no) in each language the options carry.
            var match = ChoiceRecognizer.Recognize(text, labels);
            if (match.Found && (!options.LabelsOnly || VietnameseText.Canonical(text) == VietnameseText.CanonicalOfContent(labels[match.Index])))
            {
                return PromptRecognition<bool>.Success(match.Index % 2 == 0);
            }
            if (options.LabelsOnly)
            {
                return PromptRecognition<bool>.Failure();
            }
        }
        return ConfirmRecognizer.Recognize(text) is { } answer
            ? PromptRecognition<bool>.Success(answer)
            : PromptRecognition<bool>.Failure(BotTexts.Reason("AnswerYesNo"));
    }

    protected override JsonNode? ToResult(bool value) => JsonValue.Create(value);

    protected override IEnumerable<CardAction>? Buttons(TurnContext turn, PromptOptions options) =>
        options.Choices is [var yes, var no]
            ? [CardAction.ImBack(yes), CardAction.ImBack(no)]
            : [CardAction.ImBack(turn.Text("Yes")), CardAction.ImBack(turn.Text("No"))];

    private static List<string> Labels(PromptOptions options) =>
        new[] { options, options.En }.OfType<PromptOptions>().SelectMany(o => o.Choices is [var yes, var no] ? [yes, no] : Array.Empty<string>()).ToList();
}
