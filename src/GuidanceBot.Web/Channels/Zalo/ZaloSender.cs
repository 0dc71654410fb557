using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>
/// Delivers one reply through the OA customer-service endpoint (<c>/v3.0/oa/message/cs</c>; never promotion).
/// An expired or invalid token (-216/-220) is refreshed once and the message sent again.
/// </summary>
public sealed class ZaloSender(IHttpClientFactory http, ZaloTokens tokens, IOptions<ZaloOptions> options, ILogger<ZaloSender> logger)
{
    public const string HttpClientName = "zalo-openapi";

    public async Task<ZaloSendResult> SendAsync(string userId, string message, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync(cancellationToken);
        if (token is null)
        {
            return new ZaloSendResult(ZaloSendKind.Retry, "no-access-token");
        }
        var (code, failure) = await PostAsync(token, userId, message, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }
        if (code is -216 or -220)
        {
            var fresh = await tokens.RefreshAsync(token, cancellationToken);
            if (fresh is null)
            {
                return new ZaloSendResult(ZaloSendKind.Retry, "token-refresh-failed");
            }
            (code, failure) = await PostAsync(fresh, userId, message, cancellationToken);
            if (failure is not null)
            {
                return failure;
            }
        }
        return ZaloSendResult.FromError(code);
    }

    private async Task<(int Code, ZaloSendResult? Failure)> PostAsync(string token, string userId, string message, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["recipient"] = new JsonObject { ["user_id"] = userId },
            ["message"] = JsonNode.Parse(message),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{options.Value.OpenApiBaseUrl.TrimEnd('/')}/v3.0/oa/message/cs")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("access_token", token);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (0, new ZaloSendResult(ZaloSendKind.Retry, $"http-{(int)response.StatusCode}"));
            }
            using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            return json.RootElement.TryGetProperty("error", out var error) && error.TryGetInt32(out var code)
                ? (code, null)
                : (0, new ZaloSendResult(ZaloSendKind.Retry, "unreadable-response"));
        }
        catch (JsonException)
        {
            return (0, new ZaloSendResult(ZaloSendKind.Retry, "unreadable-response"));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Zalo OA API unreachable: {Error}", e.GetType().Name);
            return (0, new ZaloSendResult(ZaloSendKind.Retry, "unreachable"));
        }
    }
}
