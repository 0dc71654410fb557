using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GuidanceBot.Channels.BotConnector;
using GuidanceBot.Web.Channels.Queues;

namespace GuidanceBot.Web.Channels.BotConnector;

/// <summary>
/// Posts one reply to its channel, as Bot Framework bots do: <c>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</c>
/// (<c>…/activities</c> when it answers no activity) with the app's bearer token (none without an app id). Judges the
/// answer: 2xx sent; 429 retried after its <c>Retry-After</c>; 408, 5xx, timeouts and lost connections retried after a
/// backoff; a 401 once more with a fresh token; any other answer (403, 404, 400 …, redirects) is final and dropped.
/// </summary>
public sealed partial class BotConnectorSender(IHttpClientFactory http, BotConnectorTokens tokens, TimeProvider time, ILogger<BotConnectorSender> logger)
{
    public const string HttpClientName = "bot-connector";

    /// <summary>The longest <c>Retry-After</c> honoured; a longer one (or a date far ahead) waits this long.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);

    public async Task<DeliveryResult> SendAsync(ConnectorOutboxItem item, CancellationToken cancellationToken)
    {
        // Checked when the reply was queued; checked again so nothing queued under other settings is posted anywhere else.
        if (ServiceUrlPolicy.Problem(item.ServiceUrl, tokens.Required) is not null)
        {
            return DeliveryResult.Drop("service-url-not-allowed");
        }
        string? token = null;
        if (tokens.Required)
        {
            var fetched = await tokens.GetAsync(cancellationToken);
            if (fetched.Token is null)
            {
                return DeliveryResult.Retry(fetched.Failure!);
            }
            token = fetched.Token;
        }
        var result = await PostAsync(item, token, cancellationToken);
        if (result.Status == HttpStatusCode.Unauthorized && token is not null)
        {
            // A token revoked or rotated before its expiry: one more try with a new one.
            tokens.Invalidate(token);
            var fresh = await tokens.GetAsync(cancellationToken);
            if (fresh.Token is null)
            {
                return DeliveryResult.Retry(fresh.Failure!);
            }
            result = await PostAsync(item, fresh.Token, cancellationToken);
        }
        return result.Outcome;
    }

    private async Task<(HttpStatusCode? Status, DeliveryResult Outcome)> PostAsync(ConnectorOutboxItem item, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Address(item))
        {
            Content = new StringContent(item.Activity, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var status = response.StatusCode;
            var code = (int)status;
            var reason = $"http-{code}";
            if (response.IsSuccessStatusCode)
            {
                return (status, DeliveryResult.Sent);
            }
            if (status == HttpStatusCode.TooManyRequests || (status == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null))
            {
                return (status, DeliveryResult.Retry(reason, RetryAfter(response.Headers.RetryAfter)));
            }
            if (code >= 500 || status == HttpStatusCode.RequestTimeout)
            {
                return (status, DeliveryResult.Retry(reason));
            }
            return (status, DeliveryResult.Drop(reason));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or IOException or TaskCanceledException)
        {
            var reason = e is TaskCanceledException ? "timeout" : "unreachable";
            LogUnreachable(reason, e.GetType().Name);
            return (null, DeliveryResult.Retry(reason));
        }
    }

    /// <summary>The reply's address: the serviceUrl with the conversation and the activity answered as escaped path segments.</summary>
    public static Uri Address(ConnectorOutboxItem item)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(item.ConversationId)}/activities" +
            (string.IsNullOrEmpty(item.ReplyToId) ? "" : $"/{Uri.EscapeDataString(item.ReplyToId)}");
        return new Uri(new Uri(item.ServiceUrl.EndsWith('/') ? item.ServiceUrl : item.ServiceUrl + "/"), path);
    }

    /// <summary><c>Retry-After</c> as seconds or a date; without one, a second. Never negative, never longer than <see cref="MaxRetryAfter"/>.</summary>
    private TimeSpan RetryAfter(RetryConditionHeaderValue? header)
    {
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : TimeSpan.FromSeconds(1));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryAfter ? MaxRetryAfter : wait;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector reply not delivered ({Reason}: {Error}); it will be tried again")]
    private partial void LogUnreachable(string reason, string error);
}
