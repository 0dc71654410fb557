using System.Globalization;
using System.Text.Json.Nodes;
using GuidanceBot.Engine;
using GuidanceBot.Language;

namespace GuidanceBot.Dialogs;

/// <summary>Asks for a date: "05/03/2024", "5/3/24", "ngày 5 tháng 3 năm 2024", "hôm nay", "hôm qua". Impossible dates are refused with the reason.</summary>
public sealed class DatePrompt(string id, PromptValidator<DateOnly>? validator = null) : Prompt<DateOnly>(id, validator)
{
    /// <summary>Vietnam's offset: "today" is the citizen's day, not the server's.</summary>
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static DateOnly Today(TurnContext turn) => DateOnly.FromDateTime(turn.Now.ToOffset(VietnamOffset).DateTime);

    protected override PromptRecognition<DateOnly> Recognize(TurnContext turn, string text, PromptOptions options)
    {
        var result = DateRecognizer.Recognize(text, Today(turn));
        return result.Value is { } date ? PromptRecognition<DateOnly>.Success(date) : PromptRecognition<DateOnly>.Failure(result.Error);
    }

    protected override JsonNode? ToResult(DateOnly value) => JsonValue.Create(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static DateOnly? ResultOf(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;
}
