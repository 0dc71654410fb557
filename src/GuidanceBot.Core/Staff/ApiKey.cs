namespace GuidanceBot.Staff;

/// <summary>An API key for <c>/api/analytics/*</c> as staff see it: never the key itself, only the prefix it starts with.</summary>
public sealed record ApiKey(
    long Id, string Name, string Prefix, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public bool Revoked => RevokedAt is not null;
}

/// <summary>A key just made: <see cref="Secret"/> is the only copy of the key there will ever be, to show once.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Secret);
