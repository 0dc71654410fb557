using System.Text.Json.Serialization;

namespace GuidanceBot.Bot;

/// <summary>Source-generated JSON for the bot's typed state in dialog stack entries.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(FlowRun))]
[JsonSerializable(typeof(FlowStart))]
[JsonSerializable(typeof(FlowOffer))]
[JsonSerializable(typeof(RouterRequest))]
internal sealed partial class BotStateJson : JsonSerializerContext;
