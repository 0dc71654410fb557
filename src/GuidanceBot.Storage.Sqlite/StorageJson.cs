using System.Text.Json.Serialization;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>Source-generated JSON for what the SQLite stores write besides conversation state (event properties, a Zalo user's last choices).</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StorageJson : JsonSerializerContext;
