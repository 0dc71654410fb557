namespace GuidanceBot.Content;

/// <summary>
/// Checks across files: flow ids, out-of-scope topic ids and link ids are unique, every call and need names a flow,
/// calls never loop, and every call handles each outcome the called flow can end with.
/// </summary>
internal static class CatalogCheck
{
    public static IEnumerable<ContentError> Check(IReadOnlyList<ParsedFlowFile> files, IReadOnlyList<ParsedOutOfScopeFile> outOfScope)
    {
        var flows = new Dictionary<string, ParsedFlowFile>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.FlowId is not { } id)
                continue;
            if (flows.TryGetValue(id.Id, out var first))
                yield return id.Error($"flow id '{id.Id}' is already used by {first.FlowId!.Place}: flow ids are unique across all files");
            else
                flows.Add(id.Id, file);
        }

        var topics = new Dictionary<string, NamedReference>(StringComparer.Ordinal);
        foreach (var topic in outOfScope.Select(f => f.TopicId).OfType<NamedReference>())
        {
            if (!topics.TryAdd(topic.Id, topic))
                yield return topic.Error($"out-of-scope topic id '{topic.Id}' is already used by {topics[topic.Id].Place}: topic ids are unique");
        }

        var links = new Dictionary<string, NamedReference>(StringComparer.Ordinal);
        foreach (var link in files.SelectMany(f => f.Links).Concat(outOfScope.SelectMany(f => f.Links)))
        {
            if (!links.TryAdd(link.Id, link))
                yield return link.Error($"link id '{link.Id}' is already used at {links[link.Id].Place}: link ids are unique across all flows and out-of-scope topics");
        }

        foreach (var file in files)
        {
            foreach (var call in file.Calls.Select(c => c.Callee).Where(c => !flows.ContainsKey(c.Id)))
                yield return call.Error($"call '{call.Id}': no flow has this id{SpellingSuggestion.DidYouMean(call.Id, flows.Keys)}");
            foreach (var need in file.Needs.Where(n => !flows.ContainsKey(n.Id)))
                yield return need.Error($"needs '{need.Id}': no flow has this id{SpellingSuggestion.DidYouMean(need.Id, flows.Keys)}");
        }

        var cycles = CallCycles(flows);
        foreach (var error in cycles)
            yield return error;
        // With a loop, a flow's outcomes depend on themselves: fix the loop first.
        if (cycles.Count == 0)
        {
            foreach (var error in UnhandledOutcomes(flows))
                yield return error;
        }
    }

    /// <summary>
    /// Every outcome other than completed that a called flow can end with — its end steps', and those it passes on from
    /// its own calls (<c>on: … end</c>) — must be named in the call's <c>on:</c>, and <c>on:</c> names nothing else.
    /// </summary>
    private static IEnumerable<ContentError> UnhandledOutcomes(Dictionary<string, ParsedFlowFile> flows)
    {
        var known = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        IReadOnlySet<string> OutcomesOf(string id)
        {
            if (known.TryGetValue(id, out var outcomes))
                return outcomes;
            var file = flows[id];
            var set = new HashSet<string>(file.EndOutcomes, StringComparer.Ordinal);
            foreach (var call in file.Calls.Where(c => flows.ContainsKey(c.Callee.Id)))
                set.UnionWith(call.PassedOn.Where(OutcomesOf(call.Callee.Id).Contains));
            return known[id] = set;
        }

        foreach (var file in flows.Values)
        {
            foreach (var call in file.Calls.Where(c => flows.ContainsKey(c.Callee.Id)))
            {
                var callee = call.Callee.Id;
                var possible = OutcomesOf(callee);
                var missing = Outcomes.All.Where(o => o != Outcomes.Completed && possible.Contains(o) && call.Handled.All(h => h.Id != o)).ToArray();
                if (missing.Length > 0)
                {
                    yield return call.Callee.Error(
                        $"call '{callee}' (step '{call.StepId}') can end {string.Join(", ", missing)}: say where each goes in on:, "
                        + $"a step of this flow or end (this flow ends the same way), e.g. on: {{ {missing[0]}: end }}");
                }
                foreach (var handled in call.Handled.Where(h => !possible.Contains(h.Id)))
                    yield return handled.Error($"'{callee}' never ends {handled.Id}: remove {handled.Id} from on: of step '{call.StepId}'");
            }
        }
    }

    /// <summary>One error per call that closes a loop (a depth-first search's back edge), at that call.</summary>
    private static List<ContentError> CallCycles(Dictionary<string, ParsedFlowFile> flows)
    {
        var errors = new List<ContentError>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        void Visit(string id)
        {
            path.Add(id);
            foreach (var call in flows[id].Calls.Select(c => c.Callee))
            {
                var loopStart = path.IndexOf(call.Id);
                if (loopStart >= 0)
                    errors.Add(call.Error($"calls loop: {string.Join(" → ", path.Skip(loopStart).Append(call.Id))}: a flow cannot call itself, directly or through other flows"));
                else if (flows.ContainsKey(call.Id) && !done.Contains(call.Id))
                    Visit(call.Id);
            }
            path.RemoveAt(path.Count - 1);
            done.Add(id);
        }

        foreach (var id in flows.Keys)
        {
            if (!done.Contains(id))
                Visit(id);
        }
        return errors;
    }
}
