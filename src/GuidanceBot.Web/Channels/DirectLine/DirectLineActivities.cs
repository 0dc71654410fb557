using System.Globalization;
using System.Text;
using System.Text.Json;
using GuidanceBot.Activities;
using GuidanceBot.Channels.DirectLine;

namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>
/// Direct Line's wire form of stored activities. The transcript keeps each activity's JSON without an id; the id is
/// "{conversation id}|{number, 7 digits}", so it follows from where the activity is stored and is added when it is sent.
/// Sets are written by joining the stored JSON, without parsing it again.
/// </summary>
public static class DirectLineActivities
{
    public static string Id(string conversationId, long sequence) => $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";

    /// <summary>The JSON the transcript keeps: the activity without its id.</summary>
    public static string Stored(Activity activity)
    {
        var id = activity.Id;
        activity.Id = null;
        try
        {
            return JsonSerializer.Serialize(activity, ActivityJson.Wire.Activity);
        }
        finally
        {
            activity.Id = id;
        }
    }

    /// <summary><c>{"activities":[…],"watermark":"N"}</c> from stored entries (watermark left out when null: typing).</summary>
    public static byte[] Set(string conversationId, IEnumerable<DirectLineEntry> entries, long? watermark)
    {
        var json = new StringBuilder("{\"activities\":[");
        var first = true;
        foreach (var entry in entries)
        {
            if (!first)
            {
                json.Append(',');
            }
            first = false;
            // Stored activities are JSON objects with at least a type, so the id goes in front of the first property.
            json.Append("{\"id\":").Append(JsonSerializer.Serialize(Id(conversationId, entry.Sequence), ActivityJson.Wire.String))
                .Append(',').Append(entry.Json, 1, entry.Json.Length - 1);
        }
        json.Append(']');
        if (watermark is { } mark)
        {
            json.Append(",\"watermark\":\"").Append(mark.ToString(CultureInfo.InvariantCulture)).Append('"');
        }
        return Encoding.UTF8.GetBytes(json.Append('}').ToString());
    }

    /// <summary>A set of one activity that is not stored (typing), without a watermark.</summary>
    public static byte[] Unstored(Activity activity) =>
        JsonSerializer.SerializeToUtf8Bytes(new ActivitySet { Activities = [activity] }, ActivityJson.Wire.ActivitySet);
}
