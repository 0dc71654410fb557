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
        try
        {
            return (JsonSerializer.Deserialize(body.Bytes.Span, ActivityJson.Wire.Activity), null);
        }
        catch (JsonException e)
        {
            return (null, ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", $"The body is not a valid activity: {e.Message}"));
        }
    }
}
