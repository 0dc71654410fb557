namespace GuidanceBot.Language;

/// <summary>A date read from a reply, or the reason none could be taken.</summary>
public readonly record struct DateResult(DateOnly? Value, LocalizedReason? Error)
{
    /// <summary>A valid date was read.</summary>
    public bool Ok => Value is not null;
}
