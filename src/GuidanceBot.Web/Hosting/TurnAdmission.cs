using System.Globalization;
using GuidanceBot.Diagnostics;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Hosting;

/// <summary>
/// The endpoint filter on every endpoint that runs a turn: while the host shuts down it answers
/// <c>503 ShuttingDown</c> with <c>Retry-After</c> (the client or the load balancer tries another instance), and
/// otherwise holds a <see cref="TurnGate"/> lease until the turn's response is ready.
/// </summary>
public sealed class TurnAdmission(TurnGate gate, IOptions<HostingOptions> options, GuidanceBotMetrics metrics) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        using var lease = gate.TryEnter();
        if (lease is null)
        {
            metrics.TurnRefused("shutting-down");
            var seconds = Math.Max(1, (int)Math.Ceiling(options.Value.RetryAfter.TotalSeconds));
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return ApiError.Result(StatusCodes.Status503ServiceUnavailable, "ShuttingDown",
                "This instance is shutting down and takes no new turns; send the activity again.");
        }
        return await next(context);
    }
}
