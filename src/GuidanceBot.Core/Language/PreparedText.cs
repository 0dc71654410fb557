namespace GuidanceBot.Language;

/// <summary>
/// A message as the trained recognisers read it, prepared once per message: the canonical content words (folded,
/// abbreviations expanded, typos corrected, fillers dropped) and the content words typed with diacritics.
/// </summary>
public sealed record PreparedText(IReadOnlyList<string> Words, IReadOnlyList<string> AccentedWords);
