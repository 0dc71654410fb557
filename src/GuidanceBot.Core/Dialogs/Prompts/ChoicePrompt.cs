using System.Globalization;
using System.Text.Json.Nodes;
using GuidanceBot.Activities;
using GuidanceBot.Engine;
using GuidanceBot.Language;
using GuidanceBot.Texts;

namespace GuidanceBot.Dialogs;

/// <summary>A choice the user made: its 0-based index and title.</summary>
public sealed record FoundChoice(int Index, string Value)
{
    public static FoundChoice? From(JsonNode? node) =>
        node is JsonObject o ? new FoundChoice((int)o["index"]!, (string)o["value"]!) : null;
}

/// <summary>
/// Asks to pick one of the choices, shown as buttons. Accepts the option number, the title in any case
/// with or without diacritics, or a part of a title that matches only one choice — in the language shown, or in the
/// other one when the options carry both (<see cref="PromptOptions.En"/>).
/// </summary>
public sealed class ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(id, validator)
{
    protected override PromptRecognition<FoundChoice> Recognize(TurnContext turn, string text, PromptOptions options)
    {
        var shown = options.For(turn);
        var choices = shown.Choices ?? [];
        var match = ChoiceRecognizer.Recognize(text, choices);
        if (!match.Found && !match.Ambiguous && (ReferenceEquals(shown, options) ? options.En : options)?.Choices is { Count: > 0 } other
            && ChoiceRecognizer.Recognize(text, other) is { Found: true } inOther && inOther.Index < choices.Count)
        {
            match = inOther;
        }
        if (match.Found)
        {
            return PromptRecognition<FoundChoice>.Success(new FoundChoice(match.Index, choices[match.Index]));
        }
        var range = choices.Count.ToString(CultureInfo.InvariantCulture);
        return PromptRecognition<FoundChoice>.Failure(match.Ambiguous
            ? BotTexts.Reason("MatchesSeveralOptionsTapButton")
            : BotTexts.Reason("DidNotCatchChoiceTap", range));
    }

    protected override JsonNode? ToResult(FoundChoice value) => new JsonObject { ["index"] = value.Index, ["value"] = value.Value };

    protected override IEnumerable<CardAction>? Buttons(TurnContext turn, PromptOptions options) =>
        options.Choices?.Select(CardAction.ImBack);
}
