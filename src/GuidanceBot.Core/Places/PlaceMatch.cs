using GuidanceBot.Content;

namespace GuidanceBot.Places;

/// <summary>
/// What a text was recognised as: one commune (perhaps through a former unit's name), several candidates to ask
/// about, or nothing. It holds units from the place file only, never the text.
/// </summary>
public abstract record PlaceMatch
{
    private PlaceMatch()
    {
    }

    /// <summary>One commune. <paramref name="Via"/> is the former unit the text named, null when it named the commune.</summary>
    /// <param name="Corrected">The name was one typing error away from the text (worth confirming with the citizen).</param>
    /// <param name="Explanation">"Phường Điện Biên nay thuộc phường Hạc Thành." when found via a former unit, else null.</param>
    public sealed record Found(Commune Commune, FormerUnit? Via, bool Corrected, LocalizedText? Explanation) : PlaceMatch;

    /// <summary>Several communes the text may mean, in place-file order: offer them as buttons.</summary>
    public sealed record Ambiguous(IReadOnlyList<PlaceCandidate> Candidates, AmbiguityReason Reason) : PlaceMatch;

    /// <summary>No commune of the province is named in the text: no guess is made.</summary>
    public sealed record Unknown : PlaceMatch
    {
        public static Unknown Instance { get; } = new();
    }
}
