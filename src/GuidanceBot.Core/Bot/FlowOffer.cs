namespace GuidanceBot.Bot;

/// <summary>The flows <see cref="FlowOfferDialog"/> offers, and the fact questions to answer first in the one the citizen picks.</summary>
/// <param name="Offered">Flow ids, best first.</param>
public sealed record FlowOffer(IReadOnlyList<string> Offered, IReadOnlyList<string> Questions);
