using System.Text.Json.Serialization;

namespace GuidanceBot.Storage;

/// <summary>Source-generated JSON for what the stores write besides conversation state.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class StorageJson : JsonSerializerContext;
