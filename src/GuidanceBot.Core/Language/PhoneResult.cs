namespace GuidanceBot.Language;

/// <summary>A mobile number in the 10-digit domestic form ("0912345678"), or the reason none could be taken.</summary>
public readonly record struct PhoneResult(string? Number, LocalizedReason? Error)
{
    /// <summary>A valid current mobile number was read.</summary>
    public bool Ok => Number is not null;
}
