using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuidanceBot.Analytics;

/// <summary>A count shown as its number, or, under the small-number rule, only as "&lt; N" (in JSON and CSV alike).</summary>
[JsonConverter(typeof(SmallCountJsonConverter))]
public readonly record struct SmallCount(long? Value, int Below)
{
    public static SmallCount Exact(long value) => new(value, 0);

    public static SmallCount Hidden(int below) => new(null, below);

    public bool IsHidden => Value is null;

    public override string ToString() => Value is { } value ? value.ToString(CultureInfo.InvariantCulture) : $"< {Below.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>Writes a <see cref="SmallCount"/> as a number, or as the string "&lt; N" when hidden.</summary>
public sealed class SmallCountJsonConverter : JsonConverter<SmallCount>
{
    public override SmallCount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return SmallCount.Exact(reader.GetInt64());
        }
        var text = reader.GetString() ?? "";
        return text.StartsWith("< ", StringComparison.Ordinal) && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var below)
            ? SmallCount.Hidden(below)
            : throw new JsonException($"A count is a number or \"< N\"; got \"{text}\".");
    }

    public override void Write(Utf8JsonWriter writer, SmallCount value, JsonSerializerOptions options)
    {
        if (value.Value is { } exact)
        {
            writer.WriteNumberValue(exact);
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}
