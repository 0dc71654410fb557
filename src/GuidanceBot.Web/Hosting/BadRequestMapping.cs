using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace GuidanceBot.Web.Hosting;

/// <summary>
/// A request the framework cannot read — a form with <c>%00</c>, too many or too long fields, a broken multipart body, a
/// body over the size limit — answers <c>400</c> (or the framework's own 4xx, e.g. <c>413</c>) on every endpoint,
/// instead of surfacing as a 500. Also sets the form limits every endpoint reads forms with.
/// </summary>
public sealed class BadRequestMapping(RequestDelegate next, ILogger<BadRequestMapping> logger)
{
    /// <summary>The most fields a form may have: the dashboard's largest form has six.</summary>
    public const int MaxFormFields = 64;

    /// <summary>The longest form field: a name, a password, a token.</summary>
    public const int MaxFormFieldBytes = 16 * 1024;

    /// <summary>The largest form or multipart body.</summary>
    public const int MaxFormBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (StatusFor(e) is { } status && !http.Response.HasStarted)
        {
            // The reason is the framework's, never the body's content.
            logger.LogInformation("Unreadable request {Method} {Path} answered {Status}: {Reason}", http.Request.Method, http.Request.Path.Value, status,
                e.GetBaseException().GetType().Name);
            http.Response.Clear();
            await ApiError.Result(status, "BadRequest", "The request could not be read: " + Reason(e)).ExecuteAsync(http);
        }
    }

    /// <summary>Sets <see cref="FormOptions"/> to this class's limits.</summary>
    public static void Limit(FormOptions form)
    {
        form.ValueCountLimit = MaxFormFields;
        form.KeyLengthLimit = 256;
        form.ValueLengthLimit = MaxFormFieldBytes;
        form.MultipartBodyLengthLimit = MaxFormBytes;
        form.MultipartHeadersCountLimit = 8;
        form.MultipartHeadersLengthLimit = 4 * 1024;
        form.BufferBodyLengthLimit = MaxFormBytes;
    }

    private static int? StatusFor(Exception e) => e switch
    {
        BadHttpRequestException bad => bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest,
        InvalidDataException => StatusCodes.Status400BadRequest,
        AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        _ when e.InnerException is { } inner => StatusFor(inner),
        _ => null,
    };

    private static string Reason(Exception e) => e switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => "the body is too large.",
        _ when e.GetBaseException() is InvalidDataException data => data.Message,
        _ => "the body or form is malformed.",
    };
}
