using System.Globalization;
using System.Text.Json;
using GuidanceBot.Channels.Zalo;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>
/// The OA access token, refreshed through OAuth v4 before it expires or when Zalo calls it invalid (-216/-220).
/// Zalo's refresh token is single-use, so at most one refresh runs per token: inside this process a gate, across
/// processes a lease on the token row; the new pair is stored in the transaction that marks the old one spent.
/// </summary>
public sealed class ZaloTokens(IZaloTokenStore store, IHttpClientFactory http, IOptions<ZaloOptions> options, TimeProvider time, ILogger<ZaloTokens> logger)
{
    public const string HttpClientName = "zalo-oauth";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>A usable access token, refreshed first when it is about to expire; null when none is stored or refresh failed.</summary>
    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        if (current is null)
        {
            return null;
        }
        if (current.AccessExpiresAt - time.GetUtcNow() > options.Value.RefreshAhead)
        {
            return current.AccessToken;
        }
        var refreshed = await RefreshAsync(current.AccessToken, cancellationToken);
        return refreshed ?? (current.AccessExpiresAt > time.GetUtcNow() ? current.AccessToken : null);
    }

    /// <summary>
    /// Replaces <paramref name="staleAccessToken"/>. When another caller already replaced it, returns that newer token
    /// without calling Zalo: concurrent callers share one refresh.
    /// </summary>
    public async Task<string?> RefreshAsync(string staleAccessToken, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var deadline = DateTime.UtcNow + Lease;
            while (true)
            {
                var current = await CurrentAsync(cancellationToken);
                if (current is null)
                {
                    return null;
                }
                if (current.AccessToken != staleAccessToken)
                {
                    return current.AccessToken;
                }
                if (await ClaimAsync(current, cancellationToken))
                {
                    return await RefreshClaimedAsync(current, cancellationToken);
                }
                if (DateTime.UtcNow > deadline)
                {
                    logger.LogWarning("Zalo token refresh: another worker held the refresh lease too long");
                    return null;
                }
                // Another process holds the lease: its new token shows up shortly.
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stores the first token pair (from the Zalo console); any earlier pair is marked spent.</summary>
    public Task StoreInitialAsync(string accessToken, string refreshToken, TimeSpan expiresIn, CancellationToken cancellationToken) =>
        StoreAsync(null, accessToken, refreshToken, expiresIn, cancellationToken);

    private async Task<string?> RefreshClaimedAsync(ZaloTokenPair current, CancellationToken cancellationToken)
    {
        var o = options.Value;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{o.OAuthBaseUrl.TrimEnd('/')}/v4/oa/access_token")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["refresh_token"] = current.RefreshToken,
                    ["app_id"] = o.AppId,
                    ["grant_type"] = "refresh_token",
                }),
            };
            request.Headers.Add("secret_key", o.AppSecret);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (Parse(body) is { } pair)
            {
                await StoreAsync(current.Id, pair.Access, pair.Refresh, pair.ExpiresIn, cancellationToken);
                logger.LogInformation("Zalo access token refreshed");
                return pair.Access;
            }
            logger.LogError("Zalo refused the token refresh (HTTP {Status}); store a new pair with `guidancebot zalo token set`", (int)response.StatusCode);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Zalo token refresh failed: {Error}", e.Message);
        }
        await ReleaseAsync(current, cancellationToken);
        return null;
    }

    private static (string Access, string Refresh, TimeSpan ExpiresIn)? Parse(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("access_token", out var access) && access.ValueKind == JsonValueKind.String
                && root.TryGetProperty("refresh_token", out var refresh) && refresh.ValueKind == JsonValueKind.String)
            {
                // expires_in arrives as a string ("90000"); a number is accepted too.
                var seconds = 90000L;
                if (root.TryGetProperty("expires_in", out var e))
                {
                    if (e.ValueKind == JsonValueKind.String && long.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s))
                    {
                        seconds = s;
                    }
                    else if (e.ValueKind == JsonValueKind.Number)
                    {
                        seconds = e.GetInt64();
                    }
                }
                return (access.GetString()!, refresh.GetString()!, TimeSpan.FromSeconds(seconds));
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private Task<ZaloTokenPair?> CurrentAsync(CancellationToken cancellationToken) => store.CurrentAsync(cancellationToken);

    private Task<bool> ClaimAsync(ZaloTokenPair row, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return store.TryClaimRefreshAsync(row.Id, now + Lease, now, cancellationToken);
    }

    private Task ReleaseAsync(ZaloTokenPair row, CancellationToken cancellationToken) => store.ReleaseRefreshAsync(row.Id, cancellationToken);

    private Task StoreAsync(long? spentId, string access, string refresh, TimeSpan expiresIn, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return store.StoreAsync(spentId, access, refresh, now + expiresIn, now, cancellationToken);
    }
}
