namespace GuidanceBot.Language;

/// <summary>A flow the citizen's words point to, with a score in [0, 1].</summary>
public readonly record struct IntentMatch(string FlowId, double Score);

/// <summary>Finds which flows a free-text message asks for; best first.</summary>
public interface IIntentRecognizer
{
    /// <summary>Up to <paramref name="top"/> flows, best first; empty when nothing is close.</summary>
    IReadOnlyList<IntentMatch> Recognize(string text, int top = 3);
}
