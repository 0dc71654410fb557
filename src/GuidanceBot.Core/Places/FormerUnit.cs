namespace GuidanceBot.Places;

/// <summary>A commune-level unit as it was before 2025-07-01, which a <see cref="Commune"/> was formed from.</summary>
/// <param name="Part">Only part of it went to this commune: the resolution split it between several new units.</param>
/// <param name="Aka">Other spellings of the name in official lists, for recognising it.</param>
public sealed record FormerUnit(CommuneKind Kind, string Name, FormerDistrict District, bool Part, IReadOnlyList<string> Aka)
{
    /// <summary>"phường Điện Biên".</summary>
    public string Title => $"{Kind.Word()} {Name}";

    /// <summary>"Điện Biên ward".</summary>
    public string EnglishTitle => $"{Name} {Kind.EnglishWord()}";

    public override string ToString() => $"{Title} ({District})";
}
