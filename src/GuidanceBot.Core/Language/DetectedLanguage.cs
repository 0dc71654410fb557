namespace GuidanceBot.Language;

/// <summary>A detected language as an ISO 639-1 code ("vi", "en", …) with a confidence in [0, 1], or "unknown".</summary>
public sealed record DetectedLanguage(string Language, double Confidence)
{
    public const string UnknownCode = "unknown";

    public static DetectedLanguage Unknown { get; } = new(UnknownCode, 0);

    public bool IsUnknown => Language == UnknownCode;

    /// <summary>English with at least this confidence.</summary>
    public bool IsEnglish(double atLeast) => Language == "en" && Confidence >= atLeast;
}
