using YamlDotNet.RepresentationModel;

namespace GuidanceBot.Content;

/// <summary>
/// Checks a flow's steps as a graph: start and every next name a step, every step is reached from start
/// and leads to an end, and every <c>when</c> names an ask step and choices it has.
/// </summary>
internal static class FlowGraphCheck
{
    public static void Check(IReadOnlyList<StepDraft> steps, string? start, YamlNode? startNode, List<ContentError> errors, string file)
    {
        var byId = new Dictionary<string, StepDraft>(StringComparer.Ordinal);
        foreach (var step in steps)
            byId.TryAdd(step.Id, step);

        void Error(YamlNode node, string message) =>
            errors.Add(new ContentError(file, checked((int)node.Start.Line), checked((int)node.Start.Column), message));

        var startKnown = start is not null && byId.ContainsKey(start);
        if (start is not null && startNode is not null && !startKnown && byId.Count > 0)
            Error(startNode, $"start '{start}' is not a step of this flow{SpellingSuggestion.DidYouMean(start, byId.Keys)}");

        foreach (var step in steps)
        {
            foreach (var (target, at, field) in step.Edges)
            {
                if (!byId.ContainsKey(target))
                    Error(at, $"{field} '{target}' (in step '{step.Id}') is not a step of this flow{SpellingSuggestion.DidYouMean(target, byId.Keys)}");
            }
        }

        var reached = new HashSet<string>(StringComparer.Ordinal);
        if (startKnown)
        {
            var queue = new Queue<string>([start!]);
            reached.Add(start!);
            while (queue.TryDequeue(out var id))
            {
                foreach (var (target, _, _) in byId[id].Edges)
                {
                    if (byId.ContainsKey(target) && reached.Add(target))
                        queue.Enqueue(target);
                }
            }
            foreach (var step in steps.Where(s => !reached.Contains(s.Id)))
                Error(step.Key, $"step '{step.Id}' is never reached: no choice or next leads to it from start '{start}'");
        }

        // Steps whose way on is already reported broken (no kind, missing or dangling next) count as leading
        // to an end, so one mistake is reported once and not again on every step before it.
        var leadsToEnd = new HashSet<string>(
            steps.Where(s => s.Kind is null or "end" || s.EndsFlow || s.MissingNext || s.Edges.Any(e => !byId.ContainsKey(e.Target))).Select(s => s.Id),
            StringComparer.Ordinal);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var step in steps)
            {
                if (!leadsToEnd.Contains(step.Id) && step.Edges.Any(e => leadsToEnd.Contains(e.Target)))
                    changed = leadsToEnd.Add(step.Id);
            }
        }
        foreach (var step in steps.Where(s => !leadsToEnd.Contains(s.Id) && (!startKnown || reached.Contains(s.Id))))
            Error(step.Key, $"step '{step.Id}' never leads to an end step: every way on from here comes back round");

        foreach (var step in steps)
        {
            foreach (var when in step.Whens)
            {
                if (!byId.TryGetValue(when.StepId, out var asked))
                {
                    Error(when.At, $"when names '{when.StepId}', which is not a step of this flow{SpellingSuggestion.DidYouMean(when.StepId, byId.Keys)}");
                    continue;
                }
                if (asked.Kind != "ask")
                {
                    if (asked.Kind is not null)
                        Error(when.At, $"when names '{when.StepId}', which is {(asked.Kind is "inform" or "end" ? "an" : "a")} {asked.Kind} step: when can only name an ask step");
                    continue;
                }
                foreach (var (choice, at) in when.Choices)
                {
                    if (choice > asked.ChoiceCount)
                        Error(at, $"when names choice {choice} of '{when.StepId}', which has {asked.ChoiceCount} choice(s)");
                }
            }
        }
    }
}
