namespace GuidanceBot.Content;

/// <summary>
/// The facts a flow's <c>facts</c> block may give: the questions a citizen asks at any step ("bao nhiêu tiền?",
/// "mất bao lâu?"). Also the <c>question</c> property of question-asked analytics events.
/// </summary>
public static class FactNames
{
    public const string Fee = "fee";
    public const string Time = "time";
    public const string Documents = "documents";
    public const string Where = "where";
    public const string Online = "online";
    public const string Legal = "legal";
    public const string Next = "next";

    public static IReadOnlyList<string> All { get; } = [Fee, Time, Documents, Where, Online, Legal, Next];

    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);
}
