using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.Tests.BotConnector;

/// <summary>
/// The channel side of normal Bot Connector delivery in tests: a bot host wired to a <see cref="FakeConnector"/> (and,
/// with an app id, to a <see cref="LocalIdentityProvider"/>), activities shaped as a channel sends them, and what the
/// bot's outbox holds.
/// </summary>
public static class ConnectorChannel
{
    public const string UserId = "29:citizen";
    public const string BotId = "28:guidancebot";

    /// <summary>A host whose outbox polls and backs off in milliseconds; with <paramref name="idp"/>, an app id whose tokens come from it.</summary>
    public static TestHost Host(LocalIdentityProvider? idp = null, TestHost? host = null)
    {
        host ??= new TestHost();
        host.Settings["GuidanceBot:BotConnector:PollInterval"] = "00:00:00.050";
        host.Settings["GuidanceBot:BotConnector:FirstBackoff"] = "00:00:00.100";
        host.Settings["GuidanceBot:BotConnector:MaxBackoff"] = "00:00:00.500";
        if (idp is not null)
        {
            host.Settings["MicrosoftAppType"] = "MultiTenant";
            host.Settings["MicrosoftAppId"] = LocalIdentityProvider.AppId;
            host.Settings["MicrosoftAppPassword"] = LocalIdentityProvider.AppPassword;
            host.Settings["GuidanceBot:BotConnector:OpenIdMetadataUrl"] = idp.BotFrameworkMetadataUrl;
            host.Settings["GuidanceBot:BotConnector:TokenEndpoint"] = idp.TokenEndpoint();
        }
        return host;
    }

    /// <summary>An activity as a channel posts it to the bot: its id, the connector's serviceUrl, user and bot accounts, a Teams-like conversation.</summary>
    public static JsonObject Activity(string serviceUrl, string conversation, string id, string? text, string channel = "msteams", bool expectReplies = false)
    {
        var activity = new JsonObject
        {
            ["type"] = text is null ? "conversationUpdate" : "message",
            ["id"] = id,
            ["channelId"] = channel,
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Công dân" },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "GuidanceBot" },
            ["conversation"] = new JsonObject { ["id"] = conversation, ["tenantId"] = LocalIdentityProvider.TenantId, ["conversationType"] = "personal" },
            ["locale"] = "vi-VN",
        };
        if (text is null)
        {
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = UserId });
        }
        else
        {
            activity["text"] = text;
        }
        if (expectReplies)
        {
            activity["deliveryMode"] = "expectReplies";
        }
        return activity;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await client.SendAsync(request);
    }

    /// <summary>
    /// The texts the bot answers a script of messages with (null = the user joins), asked with expectReplies in a
    /// conversation of their own: what normal delivery must bring, in this order, once each.
    /// </summary>
    public static async Task<List<string?>> ExpectedTextsAsync(HttpClient client, string serviceUrl, IEnumerable<string?> script, string? token = null)
    {
        var conversation = $"expected-{Guid.NewGuid():N}";
        var texts = new List<string?>();
        var n = 0;
        foreach (var text in script)
        {
            var response = await PostAsync(client, Activity(serviceUrl, conversation, $"e{n++}", text, expectReplies: true), token);
            response.EnsureSuccessStatusCode();
            texts.AddRange((await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray().Select(a => (string?)a!["text"]));
        }
        return texts;
    }

    /// <summary>The outbox rows of a SQLite host, oldest first: status, attempts, reason, due time, and whether the activity is still kept.</summary>
    public static async Task<List<(string Status, int Attempts, string? Reason, DateTimeOffset Due, bool HasActivity)>> OutboxAsync(string sqlitePath)
    {
        await using var connection = new SqliteConnection($"Data Source={sqlitePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, attempts, reason, due_at, activity IS NOT NULL FROM connector_outbox ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, int, string?, DateTimeOffset, bool)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), reader.GetBoolean(4)));
        }
        return rows;
    }
}
