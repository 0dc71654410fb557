using System.Text.Json.Serialization;

namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>Source-generated JSON for what the Zalo channel stores.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class ZaloJson : JsonSerializerContext;
