using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace GuidanceBot.Tests.BotConnector;

public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private readonly TestHost _host = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _host.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Healthz_answers_ok()
    {
        Assert.Equal("ok", await _client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Expect_replies_answers_with_the_bots_activities()
    {
        var replies = await _host.Send(_client, "c1", null, type: "conversationUpdate");

        var greeting = Assert.Single(replies);
        Assert.Equal("message", (string?)greeting!["type"]);
        Assert.StartsWith("Xin chào", (string?)greeting["text"]);
        Assert.Equal("c1", (string?)greeting["conversation"]!["id"]);
        Assert.NotEmpty(ApiMessages.Buttons(replies));
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "{\"type\":\"message\",", "BadArgument", "not a valid activity" },
        { "[1,2,3]", "BadArgument", "not a valid activity" },
        { "{\"type\":\"message\",\"text\":42,\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\"}", "BadArgument", "$.text" },
        { "{\"type\":\"message\",\"conversation\":\"c\",\"deliveryMode\":\"expectReplies\"}", "BadArgument", "$.conversation" },
        { "{\"type\":\"message\",\"text\":\"hi\",\"deliveryMode\":\"expectReplies\"}", "BadArgument", "conversation.id" },
        { "{\"type\":\"message\",\"text\":\"hi\",\"conversation\":{},\"deliveryMode\":\"expectReplies\"}", "BadArgument", "conversation.id" },
        { "{\"text\":\"hi\",\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\"}", "BadArgument", "'type'" },
        { "null", "BadArgument", "empty or null" },
        { "", "BadArgument", "not a valid activity" },
        // Normal delivery posts the replies to serviceUrl: it must be there, and without an app id on this machine.
        { "{\"type\":\"message\",\"text\":\"hi\",\"conversation\":{\"id\":\"c\"}}", "ServiceUrlNotAllowed", "no 'serviceUrl'" },
        { "{\"type\":\"message\",\"text\":\"hi\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"https://smba.example.test/\"}", "ServiceUrlNotAllowed", "this machine only" },
        { "{\"type\":\"message\",\"text\":\"hi\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"http://169.254.169.254/\"}", "ServiceUrlNotAllowed", "this machine only" },
        { "{\"type\":\"message\",\"text\":\"hi\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"file:///etc/passwd\"}", "ServiceUrlNotAllowed", "http(s) URL" },
        { "{\"type\":\"message\",\"text\":\"hi\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"http://u:p@127.0.0.1:9/\"}", "ServiceUrlNotAllowed", "without credentials" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_gets_400_with_a_json_error_naming_the_problem(string body, string code, string mention)
    {
        var response = await _client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;
        Assert.Equal(code, (string?)error["code"]);
        Assert.Contains(mention, (string?)error["message"]);
    }

    [Fact]
    public async Task A_body_over_64_KB_gets_400()
    {
        var text = new string('a', 70 * 1024);
        var body = $$"""{"type":"message","text":"{{text}}","conversation":{"id":"c"},"deliveryMode":"expectReplies"}""";

        var response = await _client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BodyTooLarge", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
    }

    [Fact]
    public async Task A_chunked_body_over_64_KB_without_content_length_gets_400()
    {
        var body = $$"""{"type":"message","text":"{{new string('a', 70 * 1024)}}","conversation":{"id":"c"},"deliveryMode":"expectReplies"}""";
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
