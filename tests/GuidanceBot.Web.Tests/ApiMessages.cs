using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace GuidanceBot.Tests;

/// <summary>Talking to the bot through <c>POST /api/messages</c> with <c>expectReplies</c>, as the Bot Connector tests do.</summary>
public static class ApiMessages
{
    /// <summary>Posts an activity with expectReplies and returns the reply activities.</summary>
    public static async Task<JsonArray> Send(this TestHost host, HttpClient client, string conversationId, string? text, string type = "message", string locale = "vi-VN",
        string channel = "test")
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["channelId"] = channel,
            ["from"] = new JsonObject { ["id"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["locale"] = locale,
            ["deliveryMode"] = "expectReplies",
        };
        if (text is not null)
        {
            activity["text"] = text;
        }
        if (type == "conversationUpdate")
        {
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "user" });
        }
        var response = await client.PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["activities"]!.AsArray();
    }

    public static string Texts(JsonArray replies) => string.Join("\n", replies.Select(r => (string?)r!["text"]));

    public static List<string> Buttons(JsonArray replies) =>
        replies.LastOrDefault(r => r!["suggestedActions"] is not null)?["suggestedActions"]!["actions"]!.AsArray().Select(a => (string)a!["title"]!).ToList() ?? [];
}
