using System.Security.Cryptography;
using System.Text;
using GuidanceBot.Staff;
using GuidanceBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.Tests.Staff;

/// <summary>API keys in a real SQLite file: made once, kept only as a hash, refused as soon as they are revoked.</summary>
public sealed class ApiKeysTests : IDisposable
{
    private readonly TestDatabase _store = new();
    private readonly FixedTime _time = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    private readonly ApiKeys _keys;

    public ApiKeysTests()
    {
        _keys = new ApiKeys(new SqliteApiKeyStore(_store.Database), _time);
    }

    public void Dispose()
    {
        _store.Dispose();
    }

    [Fact]
    public async Task A_new_key_is_long_random_and_recognisable_and_is_accepted()
    {
        var first = await _keys.CreateAsync("  monthly report  ", "lan.admin", CancellationToken.None);
        var second = await _keys.CreateAsync("monthly report", "lan.admin", CancellationToken.None);

        Assert.StartsWith("gb_", first.Secret);
        Assert.Equal(ApiKeys.KeyLength, first.Secret.Length);
        Assert.Equal(32, Convert.FromBase64String(first.Secret[3..].Replace('-', '+').Replace('_', '/') + "=").Length);
        Assert.NotEqual(first.Secret, second.Secret);
        Assert.Equal(first.Secret[..ApiKeys.PrefixLength], first.Key.Prefix);
        Assert.Equal("monthly report", first.Key.Name);
        Assert.True(await _keys.AcceptsAsync(first.Secret, CancellationToken.None));
        Assert.True(await _keys.AcceptsAsync(second.Secret, CancellationToken.None));
    }

    [Fact]
    public async Task Unknown_altered_and_foreign_keys_are_refused()
    {
        var created = await _keys.CreateAsync("tool", "lan.admin", CancellationToken.None);
        var altered = created.Secret[..^1] + (created.Secret[^1] == 'A' ? 'B' : 'A');

        Assert.False(await _keys.AcceptsAsync(altered, CancellationToken.None));
        Assert.False(await _keys.AcceptsAsync(created.Secret[..^1], CancellationToken.None));
        Assert.False(await _keys.AcceptsAsync(created.Secret.ToUpperInvariant(), CancellationToken.None));
        Assert.False(await _keys.AcceptsAsync("some-configured-key", CancellationToken.None));
        Assert.False(await _keys.AcceptsAsync("", CancellationToken.None));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_and_stays_listed_as_revoked()
    {
        var created = await _keys.CreateAsync("tool", "lan.admin", CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));

        Assert.True(await _keys.RevokeAsync(created.Key.Id, "minh.admin", CancellationToken.None));

        Assert.False(await _keys.AcceptsAsync(created.Secret, CancellationToken.None));
        Assert.False(await _keys.RevokeAsync(created.Key.Id, "minh.admin", CancellationToken.None));
        Assert.False(await _keys.RevokeAsync(created.Key.Id + 100, "minh.admin", CancellationToken.None));
        var listed = Assert.Single(await _keys.ListAsync(CancellationToken.None));
        Assert.Equal((_time.Now, "minh.admin"), (listed.RevokedAt, listed.RevokedBy));
    }

    [Fact]
    public async Task A_key_revoked_through_another_instance_is_refused_by_this_one()
    {
        var created = await _keys.CreateAsync("tool", "lan.admin", CancellationToken.None);
        Assert.True(await _keys.AcceptsAsync(created.Secret, CancellationToken.None));

        var otherInstance = new ApiKeys(new SqliteApiKeyStore(new SqliteDatabase(_store.FilePath)), _time);
        Assert.True(await otherInstance.RevokeAsync(created.Key.Id, "cli:root", CancellationToken.None));

        Assert.False(await _keys.AcceptsAsync(created.Secret, CancellationToken.None));
    }

    [Fact]
    public async Task The_list_shows_who_made_a_key_when_and_its_last_use_noted_at_most_once_a_minute()
    {
        var created = await _keys.CreateAsync("tool", "lan.admin", CancellationToken.None);
        var madeAt = _time.Now;
        Assert.Null(Assert.Single(await _keys.ListAsync(CancellationToken.None)).LastUsedAt);

        _time.Advance(TimeSpan.FromMinutes(5));
        await _keys.AcceptsAsync(created.Secret, CancellationToken.None);
        var firstUse = _time.Now;
        _time.Advance(TimeSpan.FromSeconds(30));
        await _keys.AcceptsAsync(created.Secret, CancellationToken.None);

        var listed = Assert.Single(await _keys.ListAsync(CancellationToken.None));
        Assert.Equal(("tool", "lan.admin", madeAt, firstUse), (listed.Name, listed.CreatedBy, listed.CreatedAt, listed.LastUsedAt));

        _time.Advance(ApiKeys.LastUsedEvery);
        await _keys.AcceptsAsync(created.Secret, CancellationToken.None);
        Assert.Equal(_time.Now, Assert.Single(await _keys.ListAsync(CancellationToken.None)).LastUsedAt);
    }

    [Fact]
    public async Task Keys_in_use_are_listed_before_revoked_ones_newest_first()
    {
        var a = await _keys.CreateAsync("a", "lan.admin", CancellationToken.None);
        await _keys.CreateAsync("b", "lan.admin", CancellationToken.None);
        await _keys.CreateAsync("c", "lan.admin", CancellationToken.None);
        await _keys.RevokeAsync(a.Key.Id, "lan.admin", CancellationToken.None);
        var revokedB = (await _keys.ListAsync(CancellationToken.None)).Single(k => k.Name == "b");
        await _keys.RevokeAsync(revokedB.Id, "lan.admin", CancellationToken.None);

        Assert.Equal(["c", "b", "a"], (await _keys.ListAsync(CancellationToken.None)).Select(k => k.Name));
        Assert.Equal([false, true, true], (await _keys.ListAsync(CancellationToken.None)).Select(k => k.Revoked));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\tin name")]
    public async Task A_key_needs_a_name(string name)
    {
        Assert.NotNull(ApiKeys.CheckName(name));
        await Assert.ThrowsAsync<ArgumentException>(() => _keys.CreateAsync(name, "lan.admin", CancellationToken.None));
        Assert.Empty(await _keys.ListAsync(CancellationToken.None));
    }

    [Fact]
    public void A_name_is_any_text_up_to_the_limit()
    {
        Assert.Null(ApiKeys.CheckName("Báo cáo tháng của Sở"));
        Assert.Null(ApiKeys.CheckName(new string('x', ApiKeys.MaxNameLength)));
        Assert.NotNull(ApiKeys.CheckName(new string('x', ApiKeys.MaxNameLength + 1)));
    }

    [Fact]
    public async Task The_file_holds_a_sha256_of_the_key_and_its_prefix_but_never_the_key()
    {
        var created = await _keys.CreateAsync("tool", "lan.admin", CancellationToken.None);

        SqliteConnection.ClearAllPools();
        var bytes = await ReadSharedAsync(_store.FilePath);
        var wal = File.Exists(_store.FilePath + "-wal") ? await ReadSharedAsync(_store.FilePath + "-wal") : [];
        var secretBytes = Encoding.UTF8.GetBytes(created.Secret);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(secretBytes));
        Assert.Equal(-1, wal.AsSpan().IndexOf(secretBytes));

        await using var connection = new SqliteConnection($"Data Source={_store.FilePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM api_keys";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (reader.IsDBNull(i)) continue;
            var value = reader.GetValue(i);
            Assert.False(value is string s && s.Contains(created.Secret[ApiKeys.PrefixLength..]), $"column {reader.GetName(i)} holds the key");
        }
        Assert.Equal(SHA256.HashData(secretBytes), (byte[])reader["key_hash"]);
        Assert.Equal(created.Key.Prefix, reader["prefix"]);
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
