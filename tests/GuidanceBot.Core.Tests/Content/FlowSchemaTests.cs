using System.Text.Json;
using GuidanceBot.Content;

namespace GuidanceBot.Tests.Content;

/// <summary>dialogs/flow.schema.json is what editors check as staff type: it must name what the loader accepts.</summary>
public sealed class FlowSchemaTests
{
    private static readonly JsonElement Schema = Load();

    [Fact]
    public void Schema_is_draft_2020_12() =>
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema.GetProperty("$schema").GetString());

    [Fact]
    public void Schema_outcomes_are_the_loaders_outcomes() =>
        Assert.Equal(Outcomes.All, Enum(Schema.GetProperty("$defs").GetProperty("step").GetProperty("properties").GetProperty("end")));

    [Fact]
    public void Schema_topics_are_the_loaders_topics() =>
        Assert.Equal(Topics.All, Enum(Schema.GetProperty("properties").GetProperty("topic")));

    [Fact]
    public void Schema_flow_fields_are_the_loaders_flow_fields() =>
        Assert.Equal(["id", "topic", "title", "summary", "source", "facts", "needs", "utterances", "start", "steps"],
            Schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));

    [Fact]
    public void Schema_facts_are_the_loaders_facts()
    {
        var facts = Schema.GetProperty("$defs").GetProperty("facts");
        Assert.Equal([.. FactNames.All, "provinces"], facts.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(FactNames.All, facts.GetProperty("properties").GetProperty("provinces").GetProperty("additionalProperties")
            .GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(FactNames.All, Schema.GetProperty("$defs").GetProperty("factTexts").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Schema_call_outcomes_are_the_loaders_outcomes_other_than_completed() =>
        Assert.Equal(Outcomes.All.Where(o => o != Outcomes.Completed),
            Enum(Schema.GetProperty("$defs").GetProperty("step").GetProperty("properties").GetProperty("on").GetProperty("propertyNames")));

    [Fact]
    public void Schema_limits_are_the_loaders_limits()
    {
        var defs = Schema.GetProperty("$defs");
        Assert.Equal(2000, defs.GetProperty("string").GetProperty("maxLength").GetInt32());
        Assert.Equal(8, defs.GetProperty("utterances").GetProperty("minItems").GetInt32());
        var choices = defs.GetProperty("step").GetProperty("properties").GetProperty("choices");
        Assert.Equal((2, 5), (choices.GetProperty("minItems").GetInt32(), choices.GetProperty("maxItems").GetInt32()));
    }

    private static string[] Enum(JsonElement element) =>
        element.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static JsonElement Load() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "dialogs", "flow.schema.json"))).RootElement.Clone();
}
