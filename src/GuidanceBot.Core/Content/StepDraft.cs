using YamlDotNet.RepresentationModel;

namespace GuidanceBot.Content;

/// <summary>A step as read so far, with the YAML nodes the graph checks point at; built even when the step has errors.</summary>
internal sealed class StepDraft(string id, YamlNode key)
{
    public string Id { get; } = id;
    public YamlNode Key { get; } = key;
    public string? Kind { get; set; }

    /// <summary>Steps this step leads to, with the node that names each and the field it is in ("next", "on.in-person").</summary>
    public List<(string Target, YamlNode At, string Field)> Edges { get; } = [];

    /// <summary>A call step that ends the flow for some outcome of the called flow (<c>on: … end</c>).</summary>
    public bool EndsFlow { get; set; }

    /// <summary>A required <c>next</c> is missing: already reported, so graph checks assume the best.</summary>
    public bool MissingNext { get; set; }

    public int ChoiceCount { get; set; }
    public List<WhenCondition> Whens { get; } = [];
    public StepDefinition? Definition { get; set; }
}
