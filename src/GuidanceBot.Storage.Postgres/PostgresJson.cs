using System.Text.Json.Serialization;

namespace GuidanceBot.Storage.Postgres;

/// <summary>Source-generated JSON for event properties (jsonb).</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class PostgresJson : JsonSerializerContext;
