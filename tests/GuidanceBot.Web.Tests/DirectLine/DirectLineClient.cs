using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace GuidanceBot.Tests.DirectLine;

/// <summary>A small Direct Line 3.0 client over the test host, shaped like botframework-directlinejs.</summary>
public sealed class DirectLineClient(TestHost host, HttpClient http)
{
    public const string Secret = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

    public static TestHost NewHost(FixedTime? time = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var host = new TestHost { Time = time, TestServices = services };
        host.Settings["GuidanceBot:DirectLine:Secret"] = Secret;
        return host;
    }

    public Task<HttpResponseMessage> Send(HttpMethod method, string path, string? bearer, object? body = null)
    {
        var request = new HttpRequestMessage(method, "/v3/directline" + path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return http.SendAsync(request);
    }

    public async Task<JsonObject> Json(HttpMethod method, string path, string? bearer, object? body = null, int status = 200)
    {
        var response = await Send(method, path, bearer, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Generates a token with the secret and starts its conversation in the given locale.</summary>
    public async Task<(string ConversationId, string Token, string StreamUrl)> Start(string locale = "vi-VN")
    {
        var generated = await Json(HttpMethod.Post, "/tokens/generate", Secret, new { user = new { id = "dl_tester" } });
        var token = (string)generated["token"]!;
        var started = await Json(HttpMethod.Post, "/conversations", token, new { user = new { id = "dl_tester" }, locale }, status: 201);
        return ((string)started["conversationId"]!, (string)started["token"]!, (string)started["streamUrl"]!);
    }

    public static object Message(string text, string clientActivityId, string locale = "vi-VN") => new
    {
        type = "message",
        text,
        locale,
        from = new { id = "dl_tester", role = "user" },
        channelData = new { clientActivityID = clientActivityId },
    };

    /// <summary>Opens the stream URL exactly as the server returned it.</summary>
    public async Task<Stream> Connect(string streamUrl)
    {
        var client = host.Server.CreateWebSocketClient();
        var socket = await client.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        return new Stream(socket);
    }

    /// <summary>An open Direct Line stream: receives activity sets until a condition holds or a deadline passes.</summary>
    public sealed class Stream(WebSocket socket) : IAsyncDisposable
    {
        public WebSocket Socket => socket;
        public List<JsonObject> Activities { get; } = [];
        public List<string?> Watermarks { get; } = [];

        public async Task<JsonObject> Until(Func<JsonObject, bool> wanted, int seconds = 15)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var found = Activities.FirstOrDefault(wanted);
                if (found is not null)
                {
                    return found;
                }
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, deadline.Token);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException("The server closed the stream.");
                }
                if (message.Length == 0)
                {
                    continue;
                }
                var set = JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
                Watermarks.Add((string?)set["watermark"]);
                Activities.AddRange(set["activities"]!.AsArray().Select(a => a!.AsObject()));
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            socket.Dispose();
        }
    }
}
