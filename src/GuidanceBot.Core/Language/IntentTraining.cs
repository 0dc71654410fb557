using GuidanceBot.Content;

namespace GuidanceBot.Language;

/// <summary>The training examples a catalog gives: each flow's example utterances (Vietnamese and English) and titles.</summary>
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
        return examples;
    }
}
