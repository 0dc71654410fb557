using System.Text.Json.Serialization;
using GuidanceBot.Dialogs;

namespace GuidanceBot.Engine;

/// <summary>Source-generated JSON for conversation state.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationState))]
[JsonSerializable(typeof(PromptOptions))]
internal sealed partial class StateJson : JsonSerializerContext;
