using System.Text.Json;
using GuidanceBot.Activities;

namespace GuidanceBot.Web;

/// <summary>Reads one activity from a request body within a size limit; an oversized body or bad JSON becomes a 400 JSON error.</summary>
public static class ActivityRequest
{
    /// <summary>The activity (null for a JSON <c>null</c> body), or the error to answer with.</summary>
    public static async Task<(Activity? Activity, IResult? Error)> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, limit, cancellationToken);
        if (body.Error is { } tooBig)
        {
            return (null, tooBig);
        }
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body.Bytes.Span, ActivityJson.Wire.Activity);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (null, ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", $"The body is not a valid activity: {e.Message}"));
        }
        if (activity is not null && !HasOnlyValidText(activity))
        {
            // Stored as it came, such a value would make every later read of the conversation's transcript fail.
            return (null, ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The activity holds a string that is not valid Unicode (a lone surrogate)."));
        }
        return (activity, null);
    }

    /// <summary>True when every string in the activity's free-form JSON (value, channelData, entities, extension data) is valid UTF-16.</summary>
    private static bool HasOnlyValidText(Activity activity)
    {
        var free = new List<JsonElement?> { activity.Value, activity.ChannelData, activity.Entities };
        foreach (var extra in new[] { activity.Extra, activity.From?.Extra, activity.Recipient?.Extra, activity.Conversation?.Extra })
        {
            free.AddRange((extra?.Values ?? Enumerable.Empty<JsonElement>()).Select(v => (JsonElement?)v));
        }
        return free.All(element => element is not { } e || IsValid(e, depth: 0));
    }

    private static bool IsValid(JsonElement element, int depth)
    {
        try
        {
            return element.ValueKind switch
            {
                // The body's nesting is limited by the reader already; the depth check only keeps the walk itself bounded.
                _ when depth > 64 => false,
                JsonValueKind.String => element.GetString() is not null,
                JsonValueKind.Object => element.EnumerateObject().All(p => IsValid(p.Value, depth + 1) && p.Name is not null),
                JsonValueKind.Array => element.EnumerateArray().All(item => IsValid(item, depth + 1)),
                _ => true,
            };
        }
        catch (InvalidOperationException)
        {
            // GetString and property names throw on an escaped lone surrogate.
            return false;
        }
    }
}
