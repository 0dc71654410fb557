namespace GuidanceBot.Content;

/// <summary>One answer to an <see cref="AskStep"/> and the step it leads to.</summary>
public sealed record ChoiceDefinition(LocalizedText Label, string Next);
