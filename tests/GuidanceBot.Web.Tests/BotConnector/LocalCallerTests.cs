using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace GuidanceBot.Tests.BotConnector;

/// <summary>Without an app id, <c>/api/messages</c> serves this machine only, also behind a reverse proxy that is not configured.</summary>
public sealed class LocalCallerTests : IAsyncLifetime
{
    private readonly TestHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static HttpRequestMessage Message() => new(HttpMethod.Post, "/api/messages")
    {
        Content = JsonContent.Create(new JsonObject
        {
            ["type"] = "message",
            ["text"] = "xin chào",
            ["conversation"] = new JsonObject { ["id"] = "local" },
            ["deliveryMode"] = "expectReplies",
        }),
    };

    [Fact]
    public async Task A_call_from_this_machine_needs_no_token()
    {
        var response = await _host.CreateClient().SendAsync(Message());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_call_forwarded_by_a_proxy_that_is_not_configured_is_not_local()
    {
        var request = Message();
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var response = await _host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
