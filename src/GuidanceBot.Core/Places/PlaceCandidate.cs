using GuidanceBot.Content;

namespace GuidanceBot.Places;

/// <summary>One commune a text may mean, with the former unit that makes it a candidate (null for its own name).</summary>
/// <param name="Label">The button text: "Phường Hạc Thành (phường Lam Sơn cũ, thành phố Thanh Hóa)".</param>
public sealed record PlaceCandidate(Commune Commune, FormerUnit? Via, LocalizedText Label);
