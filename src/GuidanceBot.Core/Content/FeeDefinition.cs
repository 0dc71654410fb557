namespace GuidanceBot.Content;

/// <summary>The fee of a procedure online and in person; a province may set its own online fee.</summary>
/// <param name="Provinces">Province setting (kebab-case, e.g. "thanh-hoa") → that province's online fee.</param>
public sealed record FeeDefinition(LocalizedText? Online, LocalizedText? InPerson, IReadOnlyDictionary<string, LocalizedText> Provinces)
{
    /// <summary>The province's own online fee when it has one, the national online fee otherwise.</summary>
    public LocalizedText? OnlineFor(string? province) =>
        province is not null && Provinces.TryGetValue(province.Trim().ToLowerInvariant(), out var fee) ? fee : Online;
}
