using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GuidanceBot.Tests.AzureLanguage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.Tests.Hosting;

public sealed class RequestLogTests
{
    [Fact]
    public async Task Requests_are_logged_by_route_template_without_conversation_ids_or_tokens()
    {
        var logs = new CapturedLogs();
        await using var host = new TestHost { TestServices = s => s.AddSingleton<ILoggerProvider>(logs) };
        host.Settings["GuidanceBot:DirectLine:Secret"] = "request-log-test-secret-0123456789abcdef";
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "request-log-test-secret-0123456789abcdef");

        var started = (await (await client.PostAsJsonAsync("/v3/directline/conversations", new JsonObject())).Content.ReadFromJsonAsync<JsonObject>())!;
        var conversationId = (string)started["conversationId"]!;
        var token = (string)started["token"]!;
        var streamToken = new Uri((string)started["streamUrl"]!).Query;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await client.GetAsync($"/v3/directline/conversations/{conversationId}/activities?watermark=0")).EnsureSuccessStatusCode();

        Assert.Contains(logs.Lines, l => l.Line.Contains("GET /v3/directline/conversations/{conversationId}/activities answered 200", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Line.Contains("POST /v3/directline/conversations answered 201", StringComparison.Ordinal));
        Assert.DoesNotContain(conversationId, logs.All);
        Assert.DoesNotContain(token, logs.All);
        Assert.DoesNotContain(streamToken.TrimStart('?'), logs.All);
        Assert.DoesNotContain("watermark=", logs.All);
    }
}
