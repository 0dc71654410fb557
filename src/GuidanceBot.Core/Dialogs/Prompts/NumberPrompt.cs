using System.Globalization;
using System.Text.Json.Nodes;
using GuidanceBot.Engine;
using GuidanceBot.Language;

namespace GuidanceBot.Dialogs;

/// <summary>Asks for a number, in digits or in Vietnamese words ("hai mươi lăm"), within an optional range.</summary>
public sealed class NumberPrompt(string id, PromptValidator<decimal>? validator = null) : Prompt<decimal>(id, validator)
{
    protected override PromptRecognition<decimal> Recognize(TurnContext turn, string text, PromptOptions options)
    {
        if (NumberRecognizer.Recognize(text) is not { } number)
        {
            return PromptRecognition<decimal>.Failure(new LocalizedReason("Bạn nhập một con số giúp mình nhé.", "Please type a number."));
        }
        if (number < options.Min || number > options.Max)
        {
            var min = options.Min?.ToString(CultureInfo.InvariantCulture) ?? "…";
            var max = options.Max?.ToString(CultureInfo.InvariantCulture) ?? "…";
            return PromptRecognition<decimal>.Failure(new LocalizedReason($"Số này nằm ngoài khoảng {min}–{max}.", $"That number is outside {min}–{max}."));
        }
        return PromptRecognition<decimal>.Success(number);
    }

    protected override JsonNode? ToResult(decimal value) => JsonValue.Create(value);
}
