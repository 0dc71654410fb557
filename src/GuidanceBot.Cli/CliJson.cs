using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using GuidanceBot.Analytics;
using GuidanceBot.Cli.Commands;
using GuidanceBot.Staff;

namespace GuidanceBot.Cli;

/// <summary>Source-generated JSON for <c>--json</c>: funnels and reports in the same shape as the analytics API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(Funnel))]
[JsonSerializable(typeof(AnalyticsReport))]
[JsonSerializable(typeof(IReadOnlyList<ApiKey>))]
[JsonSerializable(typeof(IReadOnlyList<PlacesCommand.Unit>))]
[JsonSerializable(typeof(PlacesCommand.Recognised))]
internal sealed partial class CliJson : JsonSerializerContext
{
    /// <summary>The same, with Vietnamese letters written as they are (not \u escapes), for people reading it too.</summary>
    public static CliJson Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}
