using System.Text.Json.Nodes;
using GuidanceBot.Engine;
using GuidanceBot.Language;

namespace GuidanceBot.Dialogs;

/// <summary>
/// Asks for a Vietnamese mobile number (+84 / 84 / 0, with spaces, dots or dashes; old 11-digit prefixes converted).
/// Like the ID prompt, it hands on only a masked form, never the number.
/// </summary>
public sealed class PhonePrompt(string id, PromptValidator<PhoneResult>? validator = null) : Prompt<PhoneResult>(id, validator)
{
    protected override PromptRecognition<PhoneResult> Recognize(TurnContext turn, string text, PromptOptions options)
    {
        var result = PhoneRecognizer.Recognize(text);
        return result.Ok ? PromptRecognition<PhoneResult>.Success(result) : PromptRecognition<PhoneResult>.Failure(result.Error);
    }

    protected override JsonNode? ToResult(PhoneResult value) => new JsonObject { ["masked"] = IdNumberPrompt.Mask(value.Number) };
}
