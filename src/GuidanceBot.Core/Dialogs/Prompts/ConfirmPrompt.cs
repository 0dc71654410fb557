using System.Text.Json.Nodes;
using GuidanceBot.Activities;
using GuidanceBot.Engine;
using GuidanceBot.Language;
using GuidanceBot.Texts;

namespace GuidanceBot.Dialogs;

/// <summary>Asks a yes/no question; understands "có", "ko", "dạ", "chưa", "ok", "no" and the like.</summary>
public sealed class ConfirmPrompt(string id, PromptValidator<bool>? validator = null) : Prompt<bool>(id, validator)
{
    protected override PromptRecognition<bool> Recognize(TurnContext turn, string text, PromptOptions options) =>
        ConfirmRecognizer.Recognize(text) is { } answer
            ? PromptRecognition<bool>.Success(answer)
            : PromptRecognition<bool>.Failure(BotTexts.Reason("AnswerYesNo"));

    protected override JsonNode? ToResult(bool value) => JsonValue.Create(value);

    protected override IEnumerable<CardAction>? Buttons(TurnContext turn, PromptOptions options) =>
    [
        CardAction.ImBack(turn.Text("Yes")),
        CardAction.ImBack(turn.Text("No")),
    ];
}
