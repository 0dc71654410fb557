namespace GuidanceBot.Language;

/// <summary>An ID number read from a reply with what its digits encode, or the reason it cannot be used.</summary>
public readonly record struct IdNumberResult(
    IdKind Kind,
    string? Digits,
    int? ProvinceCode,
    string? ProvinceName,
    int? BirthYear,
    string? Sex,
    LocalizedReason? Error)
{
    /// <summary>A well-formed 12-digit CCCD number consistent with what we know.</summary>
    public bool Ok => Kind == IdKind.Cccd && Error is null;
}
