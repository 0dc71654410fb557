using System.Text.Json;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>A Zalo user's last offered options as <c>zalo_users.choices</c> holds them: a JSON array, or NULL for none.</summary>
internal static class ZaloChoicesJson
{
    public static string? Write(IReadOnlyList<string>? choices) =>
        choices is { Count: > 0 } ? JsonSerializer.Serialize(choices, StorageJson.Default.IReadOnlyListString) : null;

    public static IReadOnlyList<string> Read(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize(json, StorageJson.Default.IReadOnlyListString) ?? [];
}
