namespace GuidanceBot.Content;

/// <summary>A text written in Vietnamese (always) and English (usually).</summary>
public sealed record LocalizedText(string Vi, string? En)
{
    /// <summary>The English text for an "en…" locale when there is one; the Vietnamese text otherwise.</summary>
    public string For(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En ?? Vi : Vi;
}
