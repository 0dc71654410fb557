using GuidanceBot.Content;

namespace GuidanceBot.Language;

/// <summary>
/// The training examples a catalog gives: each flow's example utterances (Vietnamese and English) and titles, and each
/// out-of-scope topic's utterances under its intent id (<see cref="OutOfScopeTopic.IntentId"/>), a class of its own.
/// </summary>
public static class IntentTraining
{
    public static IReadOnlyList<(string FlowId, string Text)> Examples(FlowCatalog catalog)
    {
        var examples = new List<(string, string)>();
        foreach (var flow in catalog.Flows)
        {
            foreach (var text in flow.UtterancesVi.Concat(flow.UtterancesEn).Append(flow.Title.Vi).Append(flow.Title.En ?? ""))
            {
                if (!string.IsNullOrWhiteSpace(text))
                {
                    examples.Add((flow.Id, text));
                }
            }
        }
        foreach (var topic in catalog.OutOfScope)
        {
            foreach (var text in topic.UtterancesVi.Concat(topic.UtterancesEn))
            {
                if (!string.IsNullOrWhiteSpace(text))
                {
                    examples.Add((topic.IntentId, text));
                }
            }
        }
        return examples;
    }
}
