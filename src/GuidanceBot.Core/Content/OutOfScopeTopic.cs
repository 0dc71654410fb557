namespace GuidanceBot.Content;

/// <summary>
/// Questions the bot does not guide that citizens still ask it (a hospital visit, a divorce, the price of gold): one
/// file in dialogs/out-of-scope/, with the honest answer and where to go instead. Its utterances train the intent
/// recognisers as a class of their own, so such questions are not taken for the nearest procedure.
/// </summary>
/// <param name="Answer">What the bot says: that it does not guide this, and who does (office, portal, hotline).</param>
public sealed record OutOfScopeTopic(
    string Id,
    LocalizedText Title,
    LocalizedText Answer,
    IReadOnlyList<FlowLink> Links,
    IReadOnlyList<string> UtterancesVi,
    IReadOnlyList<string> UtterancesEn,
    string FilePath)
{
    /// <summary>The sub-folder of dialogs/ that holds these files.</summary>
    public const string Folder = "out-of-scope";

    /// <summary>What an intent match names instead of a flow id: "out-of-scope:" and the topic's id.</summary>
    public const string IntentPrefix = "out-of-scope:";

    public string IntentId => IntentPrefix + Id;

    /// <summary>True for an intent match that names an out-of-scope topic rather than a flow.</summary>
    public static bool IsIntent(string intentId) => intentId.StartsWith(IntentPrefix, StringComparison.Ordinal);
}
