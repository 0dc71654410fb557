using GuidanceBot.Content;

namespace GuidanceBot.Places;

/// <summary>How places are written to citizens: the "nay thuộc" sentence and candidate labels, in Vietnamese and English.</summary>
internal static class PlaceWording
{
    /// <summary>"Phường Điện Biên nay thuộc phường Hạc Thành." / "Điện Biên ward is now part of Hạc Thành ward."</summary>
    /// <param name="withDistrict">Name the former district too: another former unit has the same name.</param>
    public static LocalizedText Explanation(Commune commune, FormerUnit via, bool withDistrict)
    {
        var sameName = string.Equals(via.Name, commune.Name, StringComparison.Ordinal);
        var viFormer = via.Title + (sameName ? " cũ" : "") + (withDistrict ? $" ({via.District})" : "");
        var enFormer = (sameName ? "the former " : "") + via.EnglishTitle + (withDistrict ? $" ({EnglishDistrict(via.District)})" : "");
        var vi = via.Part
            ? $"Một phần {viFormer} nay thuộc {commune.Title}."
            : $"{Capitalized(viFormer)} nay thuộc {commune.Title}.";
        var en = via.Part
            ? $"Part of {enFormer} is now in {commune.EnglishTitle}."
            : $"{Capitalized(enFormer)} is now part of {commune.EnglishTitle}.";
        return new LocalizedText(vi, en);
    }

    /// <summary>"Phường Hạc Thành (phường Lam Sơn cũ, thành phố Thanh Hóa)" / "Hạc Thành ward (former Lam Sơn ward, Thanh Hóa city)".</summary>
    public static LocalizedText Label(Commune commune, FormerUnit? via)
    {
        var vi = Capitalized(commune.Title);
        var en = commune.EnglishTitle;
        if (via is null)
            return new LocalizedText(vi, en);
        var part = via.Part ? "một phần " : "";
        var enPart = via.Part ? "part of " : "";
        return new LocalizedText(
            $"{vi} ({part}{via.Title} cũ, {via.District})",
            $"{en} ({enPart}former {via.EnglishTitle}, {EnglishDistrict(via.District)})");
    }

    private static string EnglishDistrict(FormerDistrict district) => $"{district.Name} {district.EnglishKind}";

    private static string Capitalized(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
