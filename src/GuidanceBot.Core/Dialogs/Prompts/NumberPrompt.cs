using System.Globalization;
using System.Text.Json.Nodes;
using GuidanceBot.Engine;
using GuidanceBot.Language;
using GuidanceBot.Texts;

namespace GuidanceBot.Dialogs;

/// <summary>Asks for a number, in digits or in Vietnamese words ("hai mươi lăm"), within an optional range.</summary>
public sealed class NumberPrompt(string id, PromptValidator<decimal>? validator = null) : Prompt<decimal>(id, validator)
{
    protected override PromptRecognition<decimal> Recognize(TurnContext turn, string text, PromptOptions options)
    {
        if (NumberRecognizer.Recognize(text) is not { } number)
        {
            return PromptRecognition<decimal>.Failure(BotTexts.Reason("TypeNumber"));
        }
        if (number < options.Min || number > options.Max)
        {
            var min = options.Min?.ToString(CultureInfo.InvariantCulture) ?? "…";
            var max = options.Max?.ToString(CultureInfo.InvariantCulture) ?? "…";
            return PromptRecognition<decimal>.Failure(BotTexts.Reason("NumberOutside", min, max));
        }
        return PromptRecognition<decimal>.Success(number);
    }

    protected override JsonNode? ToResult(decimal value) => JsonValue.Create(value);
}
