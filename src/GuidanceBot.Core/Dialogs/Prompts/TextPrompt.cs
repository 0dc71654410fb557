using System.Text.Json.Nodes;
using GuidanceBot.Engine;
using GuidanceBot.Language;
using GuidanceBot.Texts;

namespace GuidanceBot.Dialogs;

/// <summary>Asks for free text; an empty answer is refused.</summary>
public sealed class TextPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override PromptRecognition<string> Recognize(TurnContext turn, string text, PromptOptions options) =>
        string.IsNullOrWhiteSpace(text)
            ? PromptRecognition<string>.Failure(BotTexts.Reason("DidNotTypeAnything"))
            : PromptRecognition<string>.Success(text.Trim());

    protected override JsonNode? ToResult(string value) => JsonValue.Create(value);
}
