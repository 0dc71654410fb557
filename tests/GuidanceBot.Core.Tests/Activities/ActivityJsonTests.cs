using System.Text.Json.Nodes;
using GuidanceBot.Activities;

namespace GuidanceBot.Tests.Activities;

public class ActivityJsonTests
{
    [Fact]
    public void Unknown_fields_channelData_and_entities_survive_a_round_trip()
    {
        const string json = """
            {"type":"message","id":"a1","timestamp":"2026-11-26T10:00:00Z","channelId":"directline",
             "from":{"id":"u1","name":"User","role":"user","aadObjectId":"x"},
             "recipient":{"id":"bot"},"conversation":{"id":"c1","tenantId":"t"},
             "text":"xin chào","locale":"vi-VN",
             "channelData":{"clientActivityID":"abc","nested":{"n":1}},
             "entities":[{"type":"ClientCapabilities","requiresBotState":true}],
             "speak":"hi","futureField":{"x":[1,2,3]},"valueType":"t"}
            """;

        var activity = ActivityJson.Deserialize(json)!;
        var back = JsonNode.Parse(ActivityJson.Serialize(activity))!;

        Assert.Equal("xin chào", activity.Text);
        Assert.Equal("c1", activity.Conversation!.Id);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), back));
    }

    [Fact]
    public void Replies_are_camel_case_and_leave_out_empty_fields()
    {
        var reply = new Activity { Type = "message", Text = "Chào", SuggestedActions = new SuggestedActions { Actions = [new CardAction { Title = "Có", Value = "Có" }] } };

        var json = ActivityJson.Serialize(reply);

        Assert.Equal("""{"type":"message","text":"Chào","suggestedActions":{"actions":[{"type":"imBack","title":"Có","value":"Có"}]}}""", json);
    }
}
