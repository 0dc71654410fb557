using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GuidanceBot.LoadGen;

/// <summary>Posts turns to <c>{url}/api/messages</c> and reads the <c>expectReplies</c> answer.</summary>
public sealed class ConnectorClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly Uri _messagesUrl;

    public ConnectorClient(Uri messagesUrl, int connections)
    {
        _messagesUrl = messagesUrl;
        var handler = new SocketsHttpHandler
        {
            // One keep-alive connection per conversation, as many Web Chat clients behind a proxy would hold.
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        // Bounds how long a hung bot can keep the run going past its end.
        _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Sends one turn; never throws for bot or transport failures, only for cancellation.</summary>
    public async Task<TurnOutcome> SendAsync(OutgoingActivity activity, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, WireJsonContext.Wire.OutgoingActivity);
        using var request = new HttpRequestMessage(HttpMethod.Post, _messagesUrl)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = Json } },
        };

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return TurnOutcome.Failed($"HTTP {(int)response.StatusCode}: {Excerpt(bytes)}");
            }

            ExpectRepliesResponse? replies;
            try
            {
                replies = JsonSerializer.Deserialize(bytes, WireJsonContext.Wire.ExpectRepliesResponse);
            }
            catch (JsonException)
            {
                return TurnOutcome.Failed($"HTTP 200, not JSON activities: {Excerpt(bytes)}");
            }

            return replies?.Activities is null
                ? TurnOutcome.Failed($"HTTP 200 without \"activities\": {Excerpt(bytes)}")
                : TurnOutcome.Succeeded(replies);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TurnOutcome.Failed($"no answer within {_http.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return TurnOutcome.Failed($"transport: {e.Message}");
        }
    }

    private static string Excerpt(byte[] bytes)
    {
        const int limit = 400;
        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, limit));
        return bytes.Length > limit ? text + "…" : text.Length == 0 ? "(empty body)" : text;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>What one turn produced: the bot's replies, or why it counts as an error.</summary>
public readonly record struct TurnOutcome(ExpectRepliesResponse? Replies, string? Error)
{
    public bool IsError => Error is not null;
    public static TurnOutcome Succeeded(ExpectRepliesResponse replies) => new(replies, null);
    public static TurnOutcome Failed(string error) => new(null, error);
}
