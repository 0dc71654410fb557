using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuidanceBot.LoadGen;

/// <summary>Source-generated JSON metadata for the request and response bodies.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutgoingActivity))]
[JsonSerializable(typeof(ExpectRepliesResponse))]
public sealed partial class WireJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Like <see cref="JsonSerializerContext.Default"/> but writes Vietnamese letters as raw UTF-8,
    /// the way Web Chat and Zalo send them, instead of \uXXXX escapes.
    /// </summary>
    public static WireJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
