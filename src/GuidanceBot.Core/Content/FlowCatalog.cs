namespace GuidanceBot.Content;

/// <summary>Every loaded flow, found by flow id; every out-of-scope topic, found by intent id; every link, found by link id.</summary>
public sealed class FlowCatalog
{
    private readonly Dictionary<string, FlowDefinition> _flows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OutOfScopeTopic> _outOfScope = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FlowLink> _links = new(StringComparer.Ordinal);

    /// <summary>Builds a catalog; throws when two flows, two topics or two links share an id.</summary>
    public FlowCatalog(IEnumerable<FlowDefinition> flows, IEnumerable<OutOfScopeTopic>? outOfScope = null)
    {
        Flows = flows.ToArray();
        OutOfScope = outOfScope?.ToArray() ?? [];
        foreach (var flow in Flows)
        {
            if (!_flows.TryAdd(flow.Id, flow))
                throw new ArgumentException($"Two flows have the id '{flow.Id}'.", nameof(flows));
            AddLinks(LinksOf(flow));
        }
        foreach (var topic in OutOfScope)
        {
            if (!_outOfScope.TryAdd(topic.IntentId, topic))
                throw new ArgumentException($"Two out-of-scope topics have the id '{topic.Id}'.", nameof(outOfScope));
            AddLinks(topic.Links);
        }
    }

    private void AddLinks(IEnumerable<FlowLink> links)
    {
        foreach (var link in links)
        {
            if (!_links.TryAdd(link.Id, link))
                throw new ArgumentException($"Two links have the id '{link.Id}'.");
        }
    }

    public static FlowCatalog Empty { get; } = new([]);

    /// <summary>The flows in file-name order.</summary>
    public IReadOnlyList<FlowDefinition> Flows { get; }

    /// <summary>The out-of-scope topics in file-name order.</summary>
    public IReadOnlyList<OutOfScopeTopic> OutOfScope { get; }

    public FlowDefinition? Find(string id) => _flows.GetValueOrDefault(id);

    /// <summary>The out-of-scope topic an intent match names (<see cref="OutOfScopeTopic.IntentId"/>), or null.</summary>
    public OutOfScopeTopic? FindOutOfScope(string intentId) => _outOfScope.GetValueOrDefault(intentId);

    /// <summary>The link with this id in any flow (link ids are unique across all flows), or null.</summary>
    public FlowLink? FindLink(string linkId) => _links.GetValueOrDefault(linkId);

    private static IEnumerable<FlowLink> LinksOf(FlowDefinition flow) =>
        flow.Steps.SelectMany(step => step switch
        {
            InformStep inform => inform.Links,
            DoStep @do => @do.Links,
            _ => [],
        });
}
