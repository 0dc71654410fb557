namespace GuidanceBot.Content;

/// <summary>Where a flow's facts come from, their legal basis, and what could not be confirmed.</summary>
/// <param name="Code">The procedure code on the national portal; null for account guides.</param>
/// <param name="Legal">The legal basis with articles, e.g. "Luật Hộ tịch 2014 (Điều 16)"; null when not given.</param>
/// <param name="Checked">The day the facts were checked against the source; null when they have not been.</param>
/// <param name="Unconfirmed">Fact names (see <see cref="FactNames"/>) or short notes of what could not be confirmed.</param>
public sealed record FlowSource(string Portal, string? Code, string Url, string? Legal, DateOnly? Checked, IReadOnlyList<string> Unconfirmed)
{
    /// <summary>True when the file marks this fact as not confirmed by the source.</summary>
    public bool IsUnconfirmed(string fact) => Unconfirmed.Contains(fact, StringComparer.Ordinal);
}
