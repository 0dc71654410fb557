using Microsoft.AspNetCore.Http.Features;

namespace GuidanceBot.Web.Hosting;

/// <summary>
/// What an anonymous client on the internet can make the host do: request and form size limits on every endpoint, and
/// unreadable requests answered with a 4xx (<see cref="BadRequestMapping"/>).
/// </summary>
public static class AbuseLimits
{
    /// <summary>The largest request body any endpoint reads; each endpoint has a smaller limit of its own (most 64 KB).</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddAbuseLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
        });
        builder.Services.Configure<FormOptions>(BadRequestMapping.Limit);
        return builder;
    }

    /// <summary>Adds the 4xx mapping; call right after the hosting middleware, before any endpoint.</summary>
    public static WebApplication UseAbuseLimits(this WebApplication app)
    {
        app.UseMiddleware<BadRequestMapping>();
        return app;
    }
}
