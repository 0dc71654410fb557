using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>Direct Line's Conversation object: what token and conversation calls return.</summary>
public sealed record ConversationInfo(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl = null);

/// <summary>The answer to a posted activity: its server id.</summary>
public sealed record ResourceResponse(string Id);

/// <summary>Source-generated JSON for the Direct Line wire types.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationInfo))]
[JsonSerializable(typeof(ResourceResponse))]
internal sealed partial class DirectLineJson : JsonSerializerContext
{
    public static DirectLineJson Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
