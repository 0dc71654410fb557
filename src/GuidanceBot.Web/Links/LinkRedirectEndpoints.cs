using System.Text.RegularExpressions;
using GuidanceBot.Analytics;
using GuidanceBot.Content;

namespace GuidanceBot.Web.Links;

/// <summary>
/// <c>GET /go/{id}</c>: the tracked redirect behind every portal link the bot shows. Records a link-clicked event
/// for the conversation and run named in the query (random ids, never the citizen's), then redirects to the portal.
/// </summary>
public static partial class LinkRedirectEndpoints
{
    public static IEndpointRouteBuilder MapLinkRedirect(this IEndpointRouteBuilder app)
    {
        app.MapGet("/go/{id}", HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(string id, string? c, string? r, string? ch, ContentProvider content, IAnalyticsSink analytics, TimeProvider time, CancellationToken cancellationToken)
    {
        var catalog = content.Current;
        var link = catalog.FindLink(id);
        if (link is null)
        {
            return ApiError.Result(StatusCodes.Status404NotFound, "NotFound", $"No link '{id}' in the current content.");
        }
        var flow = catalog.Flows.FirstOrDefault(f => f.Steps.Any(s => s switch
        {
            InformStep i => i.Links.Contains(link),
            DoStep d => d.Links.Contains(link),
            _ => false,
        }));
        // Only our own random ids are recorded; anything else in the query is dropped rather than stored.
        await analytics.AppendAsync([new AnalyticsEvent(Id(c) ?? "unknown", Id(ch) ?? "unknown", EventKinds.LinkClicked, time.GetUtcNow())
        {
            FlowId = flow?.Id,
            ContentVersion = flow?.ContentVersion,
            RunId = Id(r),
            Properties = new Dictionary<string, string> { ["link"] = link.Id },
        }], cancellationToken);
        return Results.Redirect(link.Url);
    }

    private static string? Id(string? value) => value is not null && SafeId().IsMatch(value) ? value : null;

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex SafeId();
}
