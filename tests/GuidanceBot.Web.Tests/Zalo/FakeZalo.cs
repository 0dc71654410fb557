using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GuidanceBot.Tests.Zalo;

/// <summary>
/// Zalo's side, on Kestrel at 127.0.0.1: the OA message API (<c>/v3.0/oa/message/cs</c>) and the OAuth v4 token endpoint,
/// answering in the documented shapes (<c>{"error":0,…}</c>, negative error codes, <c>expires_in</c> as a string).
/// </summary>
public sealed class FakeZalo : IAsyncDisposable
{
    public const string AppId = "1234567890";
    public const string AppSecret = "app-secret-xyz";

    private LoopbackServer? _server;
    private readonly Lock _tokens = new();
    private int _issued;

    /// <summary>Every message Zalo accepted, in order.</summary>
    public ConcurrentQueue<(string UserId, JsonObject Message)> Delivered { get; } = new();

    /// <summary>The access token Zalo accepts now; the test sets something else to expire it.</summary>
    public string ValidAccessToken { get; set; } = "acc-0";

    /// <summary>The refresh token Zalo will accept once.</summary>
    public string ValidRefreshToken { get; set; } = "ref-0";

    public int RefreshCalls;
    public int SendCalls;

    /// <summary>When set, the message API answers 500.</summary>
    public volatile bool Down;

    /// <summary>Error codes the message API answers for a user (e.g. -230 outside the window).</summary>
    public ConcurrentDictionary<string, int> ErrorFor { get; } = new();

    /// <summary>How long a refresh takes; gives concurrent refreshes a chance to overlap.</summary>
    public TimeSpan RefreshDelay { get; set; } = TimeSpan.Zero;

    private FakeZalo()
    {
    }

    public string BaseUrl => _server!.Url;

    public static async Task<FakeZalo> StartAsync()
    {
        var fake = new FakeZalo();
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v3.0/oa/message/cs", (Delegate)fake.SendAsync);
            app.MapPost("/v4/oa/access_token", (Delegate)fake.TokenAsync);
        });
        return fake;
    }

    public IReadOnlyList<JsonObject> To(string userId) => Delivered.Where(d => d.UserId == userId).Select(d => d.Message).ToList();

    private async Task<IResult> SendAsync(HttpContext http)
    {
        Interlocked.Increment(ref SendCalls);
        if (Down)
        {
            return Results.StatusCode(500);
        }
        if (http.Request.Headers["access_token"] != ValidAccessToken)
        {
            return Error(-216, "Access token is invalid");
        }
        var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        var user = (string?)body["recipient"]?["user_id"];
        var message = body["message"]?.AsObject();
        if (user is null || message is null)
        {
            return Error(-201, "Parameters are invalid");
        }
        if (ErrorFor.TryGetValue(user, out var code))
        {
            return Error(code, "Refused by the fake");
        }
        var text = (string?)message["text"] ?? "";
        var buttons = message["attachment"]?["payload"]?["buttons"]?.AsArray();
        if (text.Length is 0 or > 2000 || buttons?.Count > 5)
        {
            return Error(-201, "Parameters are invalid");
        }
        Delivered.Enqueue((user, (JsonObject)message.DeepClone()));
        return Results.Json(new JsonObject
        {
            ["error"] = 0,
            ["message"] = "Success",
            ["data"] = new JsonObject
            {
                ["message_id"] = Guid.NewGuid().ToString("N"),
                ["user_id"] = user,
                ["quota"] = new JsonObject { ["quota_type"] = "reply", ["remain"] = "7", ["total"] = "8" },
            },
        });
    }

    private async Task<IResult> TokenAsync(HttpContext http)
    {
        Interlocked.Increment(ref RefreshCalls);
        var form = await http.Request.ReadFormAsync();
        if (RefreshDelay > TimeSpan.Zero)
        {
            await Task.Delay(RefreshDelay);
        }
        if (http.Request.Headers["secret_key"] != AppSecret || form["app_id"] != AppId || form["grant_type"] != "refresh_token")
        {
            return Results.Json(new JsonObject { ["error"] = -14002, ["error_description"] = "Invalid app" });
        }
        lock (_tokens)
        {
            if (form["refresh_token"] != ValidRefreshToken)
            {
                // Single use: a spent or unknown refresh token is refused.
                return Results.Json(new JsonObject { ["error"] = -14014, ["error_description"] = "Invalid refresh token" });
            }
            _issued++;
            ValidAccessToken = $"acc-{_issued}";
            ValidRefreshToken = $"ref-{_issued}";
            return Results.Json(new JsonObject
            {
                ["access_token"] = ValidAccessToken,
                ["refresh_token"] = ValidRefreshToken,
                ["expires_in"] = "90000",
            });
        }
    }

    private static IResult Error(int code, string message) => Results.Json(new JsonObject { ["error"] = code, ["message"] = message });

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
