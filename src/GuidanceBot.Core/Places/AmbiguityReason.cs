namespace GuidanceBot.Places;

/// <summary>Why a text matches several communes, so a reply can say it.</summary>
public enum AmbiguityReason
{
    /// <summary>Several units (current or former) have the name the text gives.</summary>
    SameName,

    /// <summary>The text names a former unit the resolution split between several communes.</summary>
    Split,

    /// <summary>The text names only a former district, which now spans several communes.</summary>
    FormerDistrict,
}
