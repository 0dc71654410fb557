using GuidanceBot.Content;

namespace GuidanceBot.Language;

/// <summary>
/// The baseline recogniser: canonical word overlap (Dice) between the message and each flow's example utterances and
/// titles, with a bonus for shared word pairs so "tạm trú" outweighs a lone "trú". Rebuilds itself when the catalog changes.
/// </summary>
public sealed class OverlapIntentRecognizer(Func<FlowCatalog> catalog) : IIntentRecognizer
{
    // Words that say nothing about which procedure is meant.
    private static readonly HashSet<string> StopWords = new(
        ["toi", "minh", "em", "anh", "chi", "ban", "muon", "can", "lam", "sao", "the", "nao", "nhu", "cho", "cua", "o", "a", "ah", "nhe",
         "voi", "gi", "duoc", "khong", "co", "la", "va", "thi", "de", "di", "oi", "giup", "huong", "dan", "how", "do", "i", "to", "my",
         "the", "a", "an", "for", "of", "me", "can", "want", "need", "please", "help", "with", "on", "in", "is", "what"],
        StringComparer.Ordinal);

    private FlowCatalog? _indexed;
    private IReadOnlyList<(string FlowId, HashSet<string> Words)> _examples = [];

    public IReadOnlyList<IntentMatch> Recognize(string text, int top = 3)
    {
        var examples = Index();
        var words = Words(text);
        if (words.Count == 0)
        {
            return [];
        }
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (flowId, example) in examples)
        {
            var shared = words.Count(example.Contains);
            if (shared == 0)
            {
                continue;
            }
            var score = 2.0 * shared / (words.Count + example.Count);
            if (score > best.GetValueOrDefault(flowId))
            {
                best[flowId] = score;
            }
        }
        return best.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(top).Select(kv => new IntentMatch(kv.Key, Math.Round(kv.Value, 4))).ToList();
    }

    private IReadOnlyList<(string FlowId, HashSet<string> Words)> Index()
    {
        var current = catalog();
        if (!ReferenceEquals(current, _indexed))
        {
            var examples = new List<(string, HashSet<string>)>();
            foreach (var flow in current.Flows)
            {
                foreach (var utterance in flow.UtterancesVi.Concat(flow.UtterancesEn).Append(flow.Title.Vi).Append(flow.Title.En ?? ""))
                {
                    var words = Words(utterance);
                    if (words.Count > 0)
                    {
                        examples.Add((flow.Id, words));
                    }
                }
            }
            _examples = examples;
            _indexed = current;
        }
        return _examples;
    }

    /// <summary>Content words plus adjacent pairs ("tam_tru"), so two-word terms count for more than their parts.</summary>
    private static HashSet<string> Words(string text)
    {
        var tokens = VietnameseText.Tokens(text);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!StopWords.Contains(tokens[i]))
            {
                set.Add(tokens[i]);
            }
            if (i + 1 < tokens.Count)
            {
                set.Add(tokens[i] + "_" + tokens[i + 1]);
            }
        }
        return set;
    }
}
