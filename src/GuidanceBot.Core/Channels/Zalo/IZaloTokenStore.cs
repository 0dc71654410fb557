namespace GuidanceBot.Channels.Zalo;

/// <summary>A stored OA token pair.</summary>
public sealed record ZaloTokenPair(long Id, string AccessToken, string RefreshToken, DateTimeOffset AccessExpiresAt);

/// <summary>
/// Where the Zalo OA token pairs are kept. Zalo's refresh token is single-use: a new pair is stored in the transaction
/// that spends the pair it replaces, and a refresh is taken by one claimer at a time through a lease on the pair.
/// </summary>
public interface IZaloTokenStore
{
    /// <summary>The newest pair not spent yet, or null.</summary>
    Task<ZaloTokenPair?> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>Takes the right to refresh the pair until <paramref name="until"/>; false when it is spent or another holds the right.</summary>
    Task<bool> TryClaimRefreshAsync(long id, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives the right to refresh back after a failed refresh.</summary>
    Task ReleaseRefreshAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new pair and spends the one it replaces, in one transaction; with <paramref name="replacesId"/> null (a pair
    /// from the Zalo console) every unspent pair is spent.
    /// </summary>
    Task StoreAsync(long? replacesId, string accessToken, string refreshToken, DateTimeOffset accessExpiresAt, DateTimeOffset now,
        CancellationToken cancellationToken);
}
