using System.Net.WebSockets;
using GuidanceBot.Channels.DirectLine;

namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>
/// The WebSocket at a conversation's <c>streamUrl</c>: pre-authorised by the short-lived token in <c>?t=</c>, it first
/// replays what the client missed after <c>?watermark=</c> from the transcript, then sends each activity set as it is
/// appended, on this instance or any other (<see cref="DirectLineStreams"/>), plus typing from turns on this instance.
/// The client's frames (empty keep-alives) are read and ignored.
/// </summary>
public static class DirectLineStream
{
    public static async Task<IResult> AcceptAsync(string conversationId, string? t, string? watermark, HttpContext http, DirectLineTokens tokens,
        DirectLineStreams streams, DirectLineConversations conversations, IHostApplicationLifetime lifetime, ILoggerFactory loggers)
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

        var logger = loggers.CreateLogger(typeof(DirectLineStream));
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        // Registered before the transcript is first read, so nothing appended in between is missed.
        using var subscription = streams.Open(conversationId, mark ?? 0);
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var reading = DrainAsync(socket, closing);
        var closeStatus = WebSocketCloseStatus.NormalClosure;
        string? closeReason = null;
        try
        {
            await foreach (var wake in subscription.Wakes.ReadAllAsync(closing.Token))
            {
                await SendAsync(socket, subscription, wake, conversations, closing.Token);
            }
            if (subscription.Overflowed)
            {
                // Too slow to keep up: the client reconnects from its watermark and gets the rest then.
                (closeStatus, closeReason) = (WebSocketCloseStatus.PolicyViolation, "too slow");
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away or the host is stopping.
        }
        catch (Exception e)
        {
            // The transcript could not be read (e.g. the database is restarting): the client reconnects from its watermark.
            logger.LogWarning("A Direct Line stream could not read its transcript and is closed: {Reason}", e.Message);
            (closeStatus, closeReason) = (WebSocketCloseStatus.EndpointUnavailable, "try again");
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
                await socket.CloseOutputAsync(closeStatus, closeReason, CancellationToken.None);
            }
            catch (WebSocketException e)
            {
                logger.LogDebug(e, "Closing a Direct Line stream failed");
            }
        }
        return Results.Empty;
    }

    /// <summary>
    /// Sends what a wake announces and the client has not had: the appended activities themselves when they follow on
    /// from what was sent, otherwise everything after it, read from the transcript in pages.
    /// </summary>
    private static async Task SendAsync(WebSocket socket, StreamSubscription subscription, StreamWake wake, DirectLineConversations conversations,
        CancellationToken cancellationToken)
    {
        if (wake.Typing is { } typing)
        {
            await socket.SendAsync(typing, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            return;
        }
        if (wake.Last <= subscription.Delivered)
        {
            return;
        }
        if (wake.Activities is { } appended && wake.First == subscription.Delivered + 1)
        {
            var entries = appended.Select((json, i) => new DirectLineEntry(wake.First + i, json));
            await socket.SendAsync(DirectLineActivities.Set(subscription.ConversationId, entries, wake.Last), WebSocketMessageType.Text, true, cancellationToken);
            subscription.Delivered = wake.Last;
            return;
        }
        while (true)
        {
            var page = await conversations.PageAfterAsync(subscription.ConversationId, subscription.Delivered, cancellationToken);
            if (page.Count == 0)
            {
                return;
            }
            await socket.SendAsync(DirectLineActivities.Set(subscription.ConversationId, page, page[^1].Sequence), WebSocketMessageType.Text, true, cancellationToken);
            subscription.Delivered = page[^1].Sequence;
            if (page.Count < conversations.PageSize)
            {
                return;
            }
        }
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
