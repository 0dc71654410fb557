using System.Text.Json.Nodes;
using GuidanceBot.Engine;
using GuidanceBot.Language;

namespace GuidanceBot.Dialogs;

/// <summary>
/// Asks for a 12-digit citizen ID (CCCD) and checks its province code and century/sex digit against a known birth year.
/// The number itself never leaves the prompt: the result carries only what guidance needs (province, birth year, a masked form),
/// so it cannot end up in state, logs or analytics.
/// </summary>
public sealed class IdNumberPrompt(string id, PromptValidator<IdNumberResult>? validator = null) : Prompt<IdNumberResult>(id, validator)
{
    protected override PromptRecognition<IdNumberResult> Recognize(TurnContext turn, string text, PromptOptions options)
    {
        var result = CccdRecognizer.Recognize(text, options.BirthYear, turn.Now.Year);
        return result.Ok ? PromptRecognition<IdNumberResult>.Success(result) : PromptRecognition<IdNumberResult>.Failure(result.Error);
    }

    protected override JsonNode? ToResult(IdNumberResult value) => new JsonObject
    {
        ["masked"] = Mask(value.Digits),
        ["provinceCode"] = value.ProvinceCode,
        ["province"] = value.ProvinceName,
        ["birthYear"] = value.BirthYear,
        ["sex"] = value.Sex,
    };

    internal static string? Mask(string? digits) =>
        digits is { Length: > 5 } ? digits[..3] + new string('*', digits.Length - 5) + digits[^2..] : null;
}
