using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GuidanceBot.Tests.BotConnector;

/// <summary>
/// A Bot Framework channel's connector as the bot sees it, on Kestrel at 127.0.0.1, built from the documented shapes:
/// <c>POST /v3/conversations/{conversationId}/activities/{activityId}</c> (a reply) and <c>…/activities</c> (a new
/// message) take an activity and answer <c>200 {"id":"…"}</c>. Tests script the next answers (429 with Retry-After,
/// 500, 403 …) and can hold requests to stand for a connector that has not answered yet.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private LoopbackServer _server = null!;
    private volatile TaskCompletionSource? _hold;
    private int _held;

    private FakeConnector()
    {
    }

    /// <summary>A reply the connector accepted (answered 2xx), in the order it accepted them.</summary>
    public sealed record Delivery(string ConversationId, string? ReplyToId, string? Authorization, JsonObject Activity)
    {
        public string? Text => (string?)Activity["text"];
    }

    /// <summary>The serviceUrl activities name for this connector: <c>http://127.0.0.1:PORT/</c>.</summary>
    public string ServiceUrl => _server.Url + "/";

    public ConcurrentQueue<Delivery> Delivered { get; } = new();

    /// <summary>Every status answered, in order (a held request that the bot abandoned is not answered).</summary>
    public ConcurrentQueue<int> Answers { get; } = new();

    /// <summary>The next answers, before the connector goes back to accepting: a status and a Retry-After header, if any.</summary>
    public ConcurrentQueue<(int Status, string? RetryAfter)> Script { get; } = new();

    /// <summary>Requests waiting because the connector holds them.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Requests the bot gave up on (its connection closed) while they were held.</summary>
    public int Abandoned;

    public static async Task<FakeConnector> StartAsync()
    {
        var connector = new FakeConnector();
        connector._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext http, string conversationId, string activityId) =>
                connector.AnswerAsync(http, conversationId, activityId));
            app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext http, string conversationId) =>
                connector.AnswerAsync(http, conversationId, null));
        });
        return connector;
    }

    /// <summary>From now on requests wait until <see cref="Release"/> (or until the bot gives up on them).</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

    private async Task<IResult> AnswerAsync(HttpContext http, string conversationId, string? activityId)
    {
        var activity = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        if (_hold is { } hold)
        {
            Interlocked.Increment(ref _held);
            try
            {
                await hold.Task.WaitAsync(http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref Abandoned);
                return Results.Empty;
            }
            finally
            {
                Interlocked.Decrement(ref _held);
            }
        }
        if (Script.TryDequeue(out var answer))
        {
            if (answer.RetryAfter is not null)
            {
                http.Response.Headers.RetryAfter = answer.RetryAfter;
            }
            Answers.Enqueue(answer.Status);
            return Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "Scripted", ["message"] = "scripted answer" } }, statusCode: answer.Status);
        }
        Delivered.Enqueue(new Delivery(conversationId, activityId,
            http.Request.Headers.Authorization.FirstOrDefault(), activity));
        Answers.Enqueue(200);
        return Results.Json(new JsonObject { ["id"] = Guid.NewGuid().ToString("N") });
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _server.DisposeAsync();
    }
}
