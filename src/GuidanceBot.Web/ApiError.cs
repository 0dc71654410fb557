using System.Text.Json.Serialization;

namespace GuidanceBot.Web;

/// <summary>The JSON error body every endpoint uses: <c>{"error":{"code","message"}}</c>, as Direct Line does.</summary>
public sealed record ApiError(ApiErrorDetail Error)
{
    public static IResult Result(int status, string code, string message) =>
        Results.Json(new ApiError(new ApiErrorDetail(code, message)), WebJson.Default.ApiError, statusCode: status);
}

/// <summary>The code and human-readable message of an <see cref="ApiError"/>.</summary>
public sealed record ApiErrorDetail(string Code, string Message);

/// <summary>Source-generated JSON for the web host's own types.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ApiError))]
internal sealed partial class WebJson : JsonSerializerContext;
