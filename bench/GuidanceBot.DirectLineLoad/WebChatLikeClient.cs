using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GuidanceBot.DirectLineLoad;

/// <summary>
/// One Web Chat-like citizen: token from /webchat/token, POST /conversations, the WebSocket stream, then a closed loop
/// of turns following the bot's buttons, posted to <paramref name="postUrl"/> (another instance, or the same one). A turn's
/// latency runs from starting the POST to its reply arriving on the stream.
/// </summary>
public sealed class WebChatLikeClient(HttpClient http, Uri baseUrl, Uri postUrl, int number)
{
    private static readonly string[] Typed = ["lam giay khai sinh cho con", "dang ky tam tru", "giúp", "quay lại", "bắt đầu lại"];
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _waiting = new();
    private readonly TaskCompletionSource<JsonObject> _greeting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ClientWebSocket? _socket;
    private string _token = "";
    private string _conversationId = "";
    private int _turn;

    public async Task RunAsync(LoadTally tally, CancellationToken stop)
    {
        var session = await PostJsonAsync("/webchat/token", null, null, stop);
        _token = (string)session["token"]!;
        var started = await PostJsonAsync("/v3/directline/conversations", _token, new JsonObject { ["locale"] = "vi-VN" }, stop);
        _conversationId = (string)started["conversationId"]!;
        _socket = new ClientWebSocket();
        await _socket.ConnectAsync(new Uri((string)started["streamUrl"]!), stop);
        var receiving = ReceiveAsync(stop);
        var last = await _greeting.Task.WaitAsync(TimeSpan.FromSeconds(30), stop);
        while (!stop.IsCancellationRequested)
        {
            var text = NextText(last);
            var clock = Stopwatch.StartNew();
            try
            {
                last = await TurnAsync(text, stop);
                if (tally.Measuring)
                {
                    tally.Record(clock.Elapsed.TotalMilliseconds);
                }
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                tally.Error($"client {number}: {e.GetType().Name}: {e.Message}");
                await Task.Delay(200, stop);
            }
        }
        await receiving;
    }

    private async Task<JsonObject> TurnAsync(string text, CancellationToken stop)
    {
        var clientId = $"{number}-{++_turn}";
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["locale"] = "vi-VN",
            ["from"] = new JsonObject { ["id"] = $"load-{number}", ["role"] = "user" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientId },
        };
        var posted = await PostJsonAsync($"/v3/directline/conversations/{_conversationId}/activities", _token, activity, stop, postUrl);
        var id = (string)posted["id"]!;
        var reply = _waiting.GetOrAdd(id, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            return await reply.Task.WaitAsync(TimeSpan.FromSeconds(10), stop);
        }
        finally
        {
            _waiting.TryRemove(id, out _);
        }
    }

    /// <summary>The first button of the bot's last message, or a typed message when it offered none.</summary>
    private string NextText(JsonObject last)
    {
        var actions = last["suggestedActions"]?["actions"]?.AsArray().Where(a => (string?)a!["type"] == "imBack").ToList();
        if (actions is { Count: > 0 } && _turn % 7 != 6)
        {
            return (string)actions[_turn % actions.Count]!["value"]!;
        }
        return Typed[_turn % Typed.Length];
    }

    private async Task ReceiveAsync(CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (!stop.IsCancellationRequested && _socket!.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, stop);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }
                if (message.Length > 0)
                {
                    Dispatch(JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length))!.AsObject());
                }
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Stopping.
        }
    }

    private void Dispatch(JsonObject set)
    {
        foreach (var node in set["activities"]!.AsArray())
        {
            var activity = node!.AsObject();
            if ((string?)activity["type"] != "message" || (string?)activity["from"]?["id"] != "guidancebot")
            {
                continue;
            }
            if ((string?)activity["replyToId"] is { } replyTo)
            {
                // A turn's replies arrive in one set: the first one ends the wait.
                _waiting.GetOrAdd(replyTo, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(activity);
            }
            else
            {
                _greeting.TrySetResult(activity);
            }
        }
    }

    private async Task<JsonObject> PostJsonAsync(string path, string? bearer, JsonObject? body, CancellationToken stop, Uri? server = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server ?? baseUrl, path));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        request.Content = new StringContent(body?.ToJsonString() ?? "", Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request, stop);
        var text = await response.Content.ReadAsStringAsync(stop);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{path}: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
        }
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task CloseAsync()
    {
        if (_socket is { State: WebSocketState.Open })
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, new CancellationTokenSource(2000).Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // The host may already be gone.
            }
        }
        _socket?.Dispose();
    }
}
