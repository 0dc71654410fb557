using System.Globalization;
using System.Text.Json.Serialization;
using GuidanceBot.Analytics;
using GuidanceBot.Content;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GuidanceBot.Web.Analytics;

/// <summary>
/// <c>/api/analytics/*</c>: flows, funnels (JSON, CSV, side-by-side versions), not-understood texts and the periodic report
/// (JSON, CSV, printable HTML) for the dashboard and staff tools. Every request needs <c>Authorization: Bearer KEY</c> or a signed-in staff session.
/// </summary>
public static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalytics(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/analytics").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            // Answers are JSON, CSV and one HTML page: a browser must take each for what it says it is, and keep none.
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "no-store";
            var keys = http.RequestServices.GetRequiredService<AnalyticsApiKeys>();
            // Tools send a key; the dashboard's pages and scripts come with a signed-in staff member's cookie.
            if (http.User.Identity?.IsAuthenticated != true && !await keys.AcceptsAsync(http.Request.Headers.Authorization, http.RequestAborted))
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return ApiError.Result(StatusCodes.Status401Unauthorized, "Unauthorized",
                    "Send Authorization: Bearer KEY with a key an admin made on /dashboard/accounts (or one from GuidanceBot:Analytics:ApiKeys).");
            }
            return await next(context);
        });
        api.MapGet("/flows", FlowsAsync);
        api.MapGet("/funnel", (HttpRequest request, FunnelQuery query, CommuneQuery communes, CancellationToken ct) => FunnelAsync(request, query, communes, csv: false, ct));
        api.MapGet("/funnel.csv", (HttpRequest request, FunnelQuery query, CommuneQuery communes, CancellationToken ct) => FunnelAsync(request, query, communes, csv: true, ct));
        api.MapGet("/communes", (HttpRequest request, CommuneQuery query, CancellationToken ct) => CommunesAsync(request, query, csv: false, ct));
        api.MapGet("/communes.csv", (HttpRequest request, CommuneQuery query, CancellationToken ct) => CommunesAsync(request, query, csv: true, ct));
        api.MapGet("/not-understood", (HttpRequest request, FunnelQuery query, CommuneQuery communes, CancellationToken ct) => NotUnderstoodAsync(request, query, communes, csv: false, ct));
        api.MapGet("/not-understood.csv", (HttpRequest request, FunnelQuery query, CommuneQuery communes, CancellationToken ct) => NotUnderstoodAsync(request, query, communes, csv: true, ct));
        api.MapGet("/summary", (HttpRequest request, FunnelQuery query, CommuneQuery communes, CancellationToken ct) => ReportAsync(request, query, communes, "json", requireRange: false, ct));
        api.MapGet("/report", (HttpRequest request, FunnelQuery query, CommuneQuery communes, CancellationToken ct) => ReportAsync(request, query, communes, "json", requireRange: true, ct));
        api.MapGet("/report.csv", (HttpRequest request, FunnelQuery query, CommuneQuery communes, CancellationToken ct) => ReportAsync(request, query, communes, "csv", requireRange: true, ct));
        api.MapGet("/report.html", (HttpRequest request, FunnelQuery query, CommuneQuery communes, CancellationToken ct) => ReportAsync(request, query, communes, "html", requireRange: true, ct));
        return app;
    }

    private static async Task<IResult> FlowsAsync(ContentProvider content, IAnalyticsReader reader, CancellationToken cancellationToken)
    {
        var flows = new List<FlowListing>();
        foreach (var flow in content.Current.Flows)
        {
            flows.Add(new FlowListing(flow.Id, flow.Title.Vi, flow.Title.En, flow.Topic, flow.ContentVersion, flow.Steps.Count,
                await reader.VersionsAsync(flow.Id, cancellationToken)));
        }
        return Results.Json(flows, AnalyticsJson.Default.ListFlowListing);
    }

    private static async Task<IResult> FunnelAsync(HttpRequest request, FunnelQuery query, CommuneQuery communes, bool csv, CancellationToken cancellationToken)
    {
        var flow = request.Query["flow"].ToString();
        if (string.IsNullOrWhiteSpace(flow))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "MissingFlow", "Give the flow, e.g. ?flow=khai-sinh (GET /api/analytics/flows lists them).");
        }
        if (!TryFilter(request, communes, out var filter, out var error))
        {
            return error!;
        }
        if (!await query.KnowsFlowAsync(flow, cancellationToken))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "UnknownFlow", $"There is no flow '{flow}' (GET /api/analytics/flows lists them).");
        }
        if (await TooFewRunsAsync(communes, flow, filter, cancellationToken) is { } tooFew)
        {
            return tooFew;
        }
        var compare = request.Query["compare"].ToString();
        if (compare.Length > 0 && filter.Version is null)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "MissingVersion", "To compare versions give both: ?version=A&compare=B.");
        }
        var funnel = compare.Length > 0
            ? await query.CompareAsync(flow, filter, compare, cancellationToken)
            : await query.FunnelAsync(flow, filter, cancellationToken);
        return csv
            ? AnalyticsCsv.File(AnalyticsCsv.Funnel(funnel), $"funnel-{flow}.csv")
            : Results.Json(funnel, AnalyticsJson.Default.Funnel);
    }

    private static async Task<IResult> NotUnderstoodAsync(HttpRequest request, FunnelQuery query, CommuneQuery communes, bool csv, CancellationToken cancellationToken)
    {
        if (!TryFilter(request, communes, out var filter, out var error))
        {
            return error!;
        }
        if (filter.Commune is not null)
        {
            // The texts carry no commune, and a commune's few texts could point to the citizen who wrote them.
            return ApiError.Result(StatusCodes.Status400BadRequest, "NotByCommune", "Not-understood texts are not kept by commune; leave out commune=.");
        }
        var limitText = request.Query["limit"].ToString();
        var limit = 100;
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 10000))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadLimit", "limit must be a whole number from 1 to 10000.");
        }
        var flow = request.Query["flow"].ToString();
        var texts = await query.NotUnderstoodAsync(flow.Length == 0 ? null : flow, filter, limit, cancellationToken);
        return csv ? AnalyticsCsv.File(AnalyticsCsv.Texts(texts), "not-understood.csv") : Results.Json(texts, AnalyticsJson.Default.IReadOnlyListTextCount);
    }

    /// <summary>
    /// The printable report's Content-Security-Policy: nothing loads or runs; only the page's own style block applies
    /// (it is self-contained, so it can be saved and printed), so a flow title that slipped past the encoder could not run.
    /// </summary>
    public const string ReportPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private static IResult HtmlReport(HttpRequest request, AnalyticsReport report)
    {
        request.HttpContext.Response.Headers.ContentSecurityPolicy = ReportPolicy;
        request.HttpContext.Response.Headers.XFrameOptions = "DENY";
        return new RazorComponentResult<ReportDocument>(new { Report = report });
    }

    private static async Task<IResult> ReportAsync(HttpRequest request, FunnelQuery query, CommuneQuery communes, string format, bool requireRange,
        CancellationToken cancellationToken)
    {
        if (!TryFilter(request, communes, out var filter, out var error))
        {
            return error!;
        }
        if (await TooFewRunsAsync(communes, null, filter, cancellationToken) is { } tooFew)
        {
            return tooFew;
        }
        if (requireRange && (filter.From is null || filter.To is null))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "MissingDates", "The report needs both dates, e.g. ?from=2026-11-01&to=2026-11-30.");
        }
        var report = await communes.AddToAsync(await query.ReportAsync(filter, cancellationToken), cancellationToken);
        return format switch
        {
            "csv" => AnalyticsCsv.File(AnalyticsCsv.Report(report), $"report-{filter.From:yyyy-MM-dd}-{filter.To:yyyy-MM-dd}.csv"),
            "html" => HtmlReport(request, report),
            _ => Results.Json(report, AnalyticsJson.Default.AnalyticsReport),
        };
    }

    /// <summary>Runs by commune under the small-number rule: every commune of the province, "&lt; N" where its runs are too few to show.</summary>
    private static async Task<IResult> CommunesAsync(HttpRequest request, CommuneQuery query, bool csv, CancellationToken cancellationToken)
    {
        if (!TryFilter(request, query, out var filter, out var error))
        {
            return error!;
        }
        if (filter.Commune is not null)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadCommune", "The list is of every commune; leave out commune= (the funnel and report take it).");
        }
        var flow = Optional(request, "flow");
        var report = await query.CommunesAsync(flow, filter, cancellationToken);
        return csv
            ? AnalyticsCsv.File(AnalyticsCsv.Communes(report), flow is null ? "communes.csv" : $"communes-{flow}.csv")
            : Results.Json(report, AnalyticsJson.Default.CommuneReport);
    }

    /// <summary>
    /// A funnel or report for one commune is refused unless that commune is shown (not "&lt; N") in the list by commune over
    /// the same filter: otherwise its exact figures would undo the small-number rule.
    /// </summary>
    private static async Task<IResult?> TooFewRunsAsync(CommuneQuery communes, string? flow, AnalyticsFilter filter, CancellationToken cancellationToken) =>
        filter.Commune is null || await communes.ShowsAsync(flow, filter, cancellationToken)
            ? null
            : ApiError.Result(StatusCodes.Status403Forbidden, "TooFewRuns",
                $"Figures for one commune are shown from {communes.MinRuns} runs (GuidanceBot:Analytics:MinRunsPerCommune), so that no citizen can be " +
                "picked out; this commune has fewer over this filter, or too few others are hidden beside it. Widen the dates or leave out commune=.");

    /// <summary>Reads from, to (yyyy-MM-dd, reporting days, both included), channel, version, language and commune.</summary>
    private static bool TryFilter(HttpRequest request, CommuneQuery communes, out AnalyticsFilter filter, out IResult? error)
    {
        filter = new AnalyticsFilter();
        error = null;
        DateOnly? from = null, to = null;
        foreach (var (name, set) in new (string, Action<DateOnly>)[] { ("from", d => from = d), ("to", d => to = d) })
        {
            var text = request.Query[name].ToString();
            if (text.Length == 0)
            {
                continue;
            }
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                error = ApiError.Result(StatusCodes.Status400BadRequest, "BadDate", $"'{name}' must be a date written yyyy-MM-dd, e.g. 2026-11-30; got '{Truncate(text)}'.");
                return false;
            }
            if (!AnalyticsFilter.IsQueryable(day))
            {
                error = ApiError.Result(StatusCodes.Status400BadRequest, "BadDate",
                    $"'{name}' must be between {AnalyticsFilter.FirstDay:yyyy-MM-dd} and {AnalyticsFilter.LastDay:yyyy-MM-dd}; got '{Truncate(text)}'.");
                return false;
            }
            set(day);
        }
        if (from > to)
        {
            error = ApiError.Result(StatusCodes.Status400BadRequest, "BadDate", "'from' is after 'to'.");
            return false;
        }
        var language = Optional(request, "language");
        if (language is not (null or "vi" or "en"))
        {
            error = ApiError.Result(StatusCodes.Status400BadRequest, "BadLanguage", "language must be vi or en.");
            return false;
        }
        var commune = Optional(request, "commune");
        if (commune is not null && !communes.Knows(commune))
        {
            error = ApiError.Result(StatusCodes.Status400BadRequest, "UnknownCommune",
                $"There is no commune '{Truncate(commune)}' in the province's place file; give its id, e.g. phuong-hac-thanh (GET /api/analytics/communes lists them).");
            return false;
        }
        filter = new AnalyticsFilter(from, to, Optional(request, "channel"), Optional(request, "version"), language, commune);
        return true;
    }

    private static string? Optional(HttpRequest request, string name) => request.Query[name].ToString() is { Length: > 0 } value ? value : null;

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>A flow as <c>GET /api/analytics/flows</c> lists it, with the content versions seen in analytics.</summary>
public sealed record FlowListing(string Id, string Title, string? TitleEn, string Topic, string Version, int Steps, IReadOnlyList<string> VersionsSeen);

/// <summary>Source-generated JSON for the analytics API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Funnel))]
[JsonSerializable(typeof(AnalyticsReport))]
[JsonSerializable(typeof(IReadOnlyList<TextCount>))]
[JsonSerializable(typeof(List<FlowListing>))]
[JsonSerializable(typeof(CommuneReport))]
internal sealed partial class AnalyticsJson : JsonSerializerContext;
