namespace GuidanceBot.Places;

/// <summary>A commune-level unit (xã or phường) of the province since 2025-07-01: what analytics and replies name.</summary>
/// <param name="Id">Stable kebab-case id, e.g. "phuong-hac-thanh"; what is stored, never the citizen's text.</param>
/// <param name="Clause">The clause (khoản) of the resolution that forms it, for staff to check; null when not given.</param>
/// <param name="From">The former units it was formed from; an unchanged commune lists itself.</param>
public sealed record Commune(
    string Id,
    string Name,
    CommuneKind Kind,
    int? Clause,
    IReadOnlyList<FormerUnit> From,
    IReadOnlyList<ServicePoint> ServicePoints)
{
    /// <summary>"phường Hạc Thành".</summary>
    public string Title => $"{Kind.Word()} {Name}";

    /// <summary>"Hạc Thành ward".</summary>
    public string EnglishTitle => $"{Name} {Kind.EnglishWord()}";
}
