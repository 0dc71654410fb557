using GuidanceBot.Language;

namespace GuidanceBot.Bot;

/// <summary>A message read once: its acts and fact questions, and what the intent recognisers make of the rest (flows and out-of-scope topics, best first).</summary>
public sealed record Reading(string Text, MessageCues Cues, IReadOnlyList<IntentMatch> Matches);
