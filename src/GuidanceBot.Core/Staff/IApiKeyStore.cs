namespace GuidanceBot.Staff;

/// <summary>A stored key that is not revoked, as found by its hash.</summary>
public sealed record ActiveApiKey(long Id, DateTimeOffset? LastUsedAt);

/// <summary>Where API keys are kept: only hashes and prefixes. Making keys and checking them is <see cref="ApiKeys"/>'s.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key's hash; returns its id.</summary>
    Task<long> AddAsync(string name, string prefix, byte[] keyHash, string createdBy, DateTimeOffset createdAt, CancellationToken cancellationToken);

    /// <summary>Every key, those in use first, newest first.</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes the key; false when there is no such key or it was already revoked.</summary>
    Task<bool> RevokeAsync(long id, string revokedBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The key with this hash when it is not revoked, else null (one indexed look-up).</summary>
    Task<ActiveApiKey?> FindActiveAsync(byte[] keyHash, CancellationToken cancellationToken);

    Task MarkUsedAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);
}
