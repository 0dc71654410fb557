namespace GuidanceBot.Content;

/// <summary>Every loaded flow, found by flow id, and every link, found by link id.</summary>
public sealed class FlowCatalog
{
    private readonly Dictionary<string, FlowDefinition> _flows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FlowLink> _links = new(StringComparer.Ordinal);

    /// <summary>Builds a catalog; throws when two flows share an id or two links share an id.</summary>
    public FlowCatalog(IEnumerable<FlowDefinition> flows)
    {
        Flows = flows.ToArray();
        foreach (var flow in Flows)
        {
            if (!_flows.TryAdd(flow.Id, flow))
                throw new ArgumentException($"Two flows have the id '{flow.Id}'.", nameof(flows));
            foreach (var link in LinksOf(flow))
            {
                if (!_links.TryAdd(link.Id, link))
                    throw new ArgumentException($"Two links have the id '{link.Id}'.", nameof(flows));
            }
        }
    }

    public static FlowCatalog Empty { get; } = new([]);

    /// <summary>The flows in file-name order.</summary>
    public IReadOnlyList<FlowDefinition> Flows { get; }

    public FlowDefinition? Find(string id) => _flows.GetValueOrDefault(id);

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
