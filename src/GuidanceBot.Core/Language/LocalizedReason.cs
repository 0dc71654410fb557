namespace GuidanceBot.Language;

/// <summary>A message for the citizen in Vietnamese with its English equivalent.</summary>
public readonly record struct LocalizedReason(string Vi, string En)
{
    /// <summary>The English message for "en", the Vietnamese one otherwise.</summary>
    public string For(string language) => language == "en" ? En : Vi;
}
