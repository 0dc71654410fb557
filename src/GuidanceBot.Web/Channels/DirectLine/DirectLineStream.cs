using System.Net.WebSockets;

namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>
/// The WebSocket at a conversation's <c>streamUrl</c>: pre-authorised by the short-lived token in <c>?t=</c>, it first
/// replays what the client missed after <c>?watermark=</c>, then sends each activity set as it is appended, plus
/// typing. The client's frames (empty keep-alives) are read and ignored.
/// </summary>
public static class DirectLineStream
{
    public static async Task<IResult> AcceptAsync(string conversationId, string? t, string? watermark, HttpContext http, DirectLineTokens tokens,
        DirectLineConversations conversations, IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    {
        if (string.IsNullOrEmpty(t))
        {
            return ApiError.Result(StatusCodes.Status401Unauthorized, "Unauthorized", "The stream URL carries its token in '?t='; ask GET /conversations/{id} for a new one.");
        }
        var (status, token) = await tokens.ReadAsync(t, DirectLineTokens.StreamScope);
        if (status == TokenStatus.Invalid)
        {
            return ApiError.Result(StatusCodes.Status403Forbidden, "Forbidden", "The stream token is not valid.");
        }
        if (token!.ConversationId != conversationId)
        {
            return DirectLineCaller.NotYours();
        }
        if (status == TokenStatus.Expired)
        {
            return DirectLineCaller.Expired();
        }
        if (!DirectLineEndpoints.TryParseWatermark(watermark, out var mark))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The watermark must be a whole number.");
        }
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "This URL takes a WebSocket connection.");
        }

        var conversation = conversations.GetOrAdd(conversationId, null);
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var subscription = conversation.Subscribe(mark ?? 0);
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var reading = DrainAsync(socket, closing);
        try
        {
            await foreach (var set in subscription.Sets.ReadAllAsync(closing.Token))
            {
                await socket.SendAsync(set, WebSocketMessageType.Text, endOfMessage: true, closing.Token);
            }
            if (subscription.Overflowed && socket.State == WebSocketState.Open)
            {
                // Too slow to keep up: the client reconnects from its watermark and gets the rest then.
                await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "too slow", CancellationToken.None);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away or the host is stopping.
        }
        finally
        {
            await closing.CancelAsync();
            await reading;
        }
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException e)
            {
                loggers.CreateLogger(typeof(DirectLineStream)).LogDebug(e, "Closing a Direct Line stream failed");
            }
        }
        return Results.Empty;
    }

    /// <summary>Reads and drops the client's frames; when the client closes, ends the stream.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource closing)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closing.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, closing.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closed either way.
        }
        await closing.CancelAsync();
    }
}
