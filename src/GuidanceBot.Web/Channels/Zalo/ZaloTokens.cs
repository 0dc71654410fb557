using System.Globalization;
using System.Text.Json;
using GuidanceBot.Storage;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>
/// The OA access token, refreshed through OAuth v4 before it expires or when Zalo calls it invalid (-216/-220).
/// Zalo's refresh token is single-use, so at most one refresh runs per token: inside this process a gate, across
/// processes a lease on the token row; the new pair is stored in the transaction that marks the old one spent.
/// </summary>
public sealed class ZaloTokens(ZaloDatabase db, IHttpClientFactory http, IOptions<ZaloOptions> options, TimeProvider time, ILogger<ZaloTokens> logger)
{
    public const string HttpClientName = "zalo-oauth";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim _gate = new(1, 1);

    private sealed record TokenRow(long Id, string Access, string Refresh, DateTimeOffset ExpiresAt);

    /// <summary>A usable access token, refreshed first when it is about to expire; null when none is stored or refresh failed.</summary>
    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        if (current is null)
        {
            return null;
        }
        if (current.ExpiresAt - time.GetUtcNow() > options.Value.RefreshAhead)
        {
            return current.Access;
        }
        var refreshed = await RefreshAsync(current.Access, cancellationToken);
        return refreshed ?? (current.ExpiresAt > time.GetUtcNow() ? current.Access : null);
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
                if (current.Access != staleAccessToken)
                {
                    return current.Access;
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

    private async Task<string?> RefreshClaimedAsync(TokenRow current, CancellationToken cancellationToken)
    {
        var o = options.Value;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{o.OAuthBaseUrl.TrimEnd('/')}/v4/oa/access_token")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["refresh_token"] = current.Refresh,
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

    private async Task<TokenRow?> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = ZaloDatabase.Command(connection,
            "SELECT id, access_token, refresh_token, access_expires_at FROM zalo_tokens WHERE spent_at IS NULL ORDER BY id DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new TokenRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)))
            : null;
    }

    private async Task<bool> ClaimAsync(TokenRow row, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = ZaloDatabase.Command(connection,
            "UPDATE zalo_tokens SET refreshing_until = $until WHERE id = $id AND spent_at IS NULL AND (refreshing_until IS NULL OR refreshing_until < $now)",
            ("$until", (now + Lease).ToUnixTimeMilliseconds()), ("$id", row.Id), ("$now", now.ToUnixTimeMilliseconds()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task ReleaseAsync(TokenRow row, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var command = ZaloDatabase.Command(connection, "UPDATE zalo_tokens SET refreshing_until = NULL WHERE id = $id", ("$id", row.Id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task StoreAsync(long? spentId, string access, string refresh, TimeSpan expiresIn, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await ZaloTokenPairs.StoreAsync(connection, spentId, access, refresh, expiresIn, time.GetUtcNow(), cancellationToken);
    }
}
