using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuidanceBot.Activities;

/// <summary>Wire JSON for activities: camelCase, nulls left out, source-generated for the hot path.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ActivitySet))]
[JsonSerializable(typeof(List<Activity>))]
public sealed partial class ActivityJson : JsonSerializerContext
{
    /// <summary>The context to use on the wire: like <see cref="JsonSerializerContext"/>'s default, but Vietnamese letters are written as they are, not as \u escapes.</summary>
    public static ActivityJson Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, Wire.Activity);

    public static Activity? Deserialize(string json) => JsonSerializer.Deserialize(json, Wire.Activity);
}

/// <summary>A batch of activities, as the Bot Connector's expectReplies answer and Direct Line's GET return them.</summary>
public sealed class ActivitySet
{
    public List<Activity> Activities { get; set; } = [];
    public string? Watermark { get; set; }
}
