namespace GuidanceBot.Places;

/// <summary>
/// A district-level unit that ended on 2025-07-01 (huyện, thị xã, thành phố thuộc tỉnh, quận), as written in a place
/// file: "huyện Hà Trung" is kind "huyện" and name "Hà Trung".
/// </summary>
public sealed record FormerDistrict(string Kind, string Name)
{
    /// <summary>The kinds a district is written with, longest first so "thành phố" is not read as a name.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["thành phố", "thị xã", "huyện", "quận"];

    /// <summary>Reads "huyện Hà Trung"; null when the text does not start with one of <see cref="Kinds"/> and a name.</summary>
    public static FormerDistrict? Parse(string text)
    {
        var trimmed = text.Trim();
        foreach (var kind in Kinds)
        {
            if (trimmed.Length > kind.Length + 1 && trimmed.StartsWith(kind + " ", StringComparison.OrdinalIgnoreCase))
            {
                var name = trimmed[(kind.Length + 1)..].Trim();
                return name.Length == 0 ? null : new FormerDistrict(kind, name);
            }
        }
        return null;
    }

    /// <summary>The English word for the kind: district, town, city.</summary>
    public string EnglishKind => Kind switch
    {
        "huyện" => "district",
        "thị xã" => "town",
        "thành phố" => "city",
        _ => "urban district",
    };

    public override string ToString() => $"{Kind} {Name}";
}
