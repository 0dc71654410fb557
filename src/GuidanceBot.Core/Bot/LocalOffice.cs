using GuidanceBot.Content;
using GuidanceBot.Language;

namespace GuidanceBot.Bot;

/// <summary>Which office of the citizen's own commune takes a procedure's applications in person, if one does.</summary>
public enum LocalOffice
{
    /// <summary>None of the commune's: the province's office, any police station, or nowhere in person.</summary>
    None,

    /// <summary>The commune's People's Committee, through its public administration service point (one-stop desk).</summary>
    PeopleCommittee,

    /// <summary>The commune's police.</summary>
    Police,
}

/// <summary>Reads a flow's <c>where</c> fact for the office of the citizen's commune it names.</summary>
public static class LocalOffices
{
    /// <summary>
    /// "UBND xã/phường nơi …" is the commune's People's Committee, "Công an xã/phường nơi bạn cư trú" its police; "bất kỳ" or
    /// "gần nhất" (any commune will do) and the province's offices are nobody's own commune, so the commune is not asked for.
    /// </summary>
    public static LocalOffice Of(FlowDefinition flow, string? province)
    {
        if (flow.Facts.For(FactNames.Where, province) is not { } where)
        {
            return LocalOffice.None;
        }
        var text = " " + VietnameseText.Fold(where.Vi) + " ";
        if (text.Contains(" bat ky", StringComparison.Ordinal) || text.Contains(" gan nhat", StringComparison.Ordinal))
        {
            return LocalOffice.None;
        }
        if (text.Contains(" ubnd xa", StringComparison.Ordinal) || text.Contains(" uy ban nhan dan xa", StringComparison.Ordinal))
        {
            return LocalOffice.PeopleCommittee;
        }
        return text.Contains(" cong an xa", StringComparison.Ordinal) ? LocalOffice.Police : LocalOffice.None;
    }
}
