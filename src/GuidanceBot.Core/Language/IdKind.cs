namespace GuidanceBot.Language;

/// <summary>Which kind of personal ID number a reply contained.</summary>
public enum IdKind
{
    /// <summary>No ID number recognised.</summary>
    None,

    /// <summary>The 12-digit personal ID number of the CCCD (căn cước công dân) card.</summary>
    Cccd,

    /// <summary>The old 9-digit CMND number, no longer accepted.</summary>
    OldCmnd,
}
