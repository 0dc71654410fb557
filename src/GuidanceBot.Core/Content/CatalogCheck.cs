namespace GuidanceBot.Content;

/// <summary>
/// Checks across files: flow ids and link ids are unique, every call and need names a flow, and calls never loop.
/// </summary>
internal static class CatalogCheck
{
    public static IEnumerable<ContentError> Check(IReadOnlyList<ParsedFlowFile> files)
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

        var links = new Dictionary<string, NamedReference>(StringComparer.Ordinal);
        foreach (var link in files.SelectMany(f => f.Links))
        {
            if (!links.TryAdd(link.Id, link))
                yield return link.Error($"link id '{link.Id}' is already used at {links[link.Id].Place}: link ids are unique across all flows");
        }

        foreach (var file in files)
        {
            foreach (var call in file.Calls.Where(c => !flows.ContainsKey(c.Id)))
                yield return call.Error($"call '{call.Id}': no flow has this id{SpellingSuggestion.DidYouMean(call.Id, flows.Keys)}");
            foreach (var need in file.Needs.Where(n => !flows.ContainsKey(n.Id)))
                yield return need.Error($"needs '{need.Id}': no flow has this id{SpellingSuggestion.DidYouMean(need.Id, flows.Keys)}");
        }

        foreach (var error in CallCycles(flows))
            yield return error;
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
            foreach (var call in flows[id].Calls)
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
