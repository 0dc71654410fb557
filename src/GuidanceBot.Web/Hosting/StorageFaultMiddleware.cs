using GuidanceBot.Storage;

namespace GuidanceBot.Web.Hosting;

/// <summary>
/// A request that fails because the database is down or restarting gets <c>503</c> with <c>Retry-After</c> at once,
/// instead of a 500 or a hang; the host keeps running and serves again as soon as the database is back (the
/// connection pool opens new connections by itself).
/// </summary>
public sealed class StorageFaultMiddleware(RequestDelegate next, ILogger<StorageFaultMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (StorageFaults.IsUnavailable(e) && !http.Response.HasStarted)
        {
            logger.LogWarning("Database unavailable during {Method} {Path}: {Error}", http.Request.Method, http.Request.Path.Value, e.GetBaseException().Message);
            http.Response.Clear();
            http.Response.Headers.RetryAfter = ((int)StorageFaults.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ApiError.Result(StatusCodes.Status503ServiceUnavailable, "StorageUnavailable",
                    "The database is not reachable right now; try again in a few seconds.")
                .ExecuteAsync(http);
        }
    }
}
