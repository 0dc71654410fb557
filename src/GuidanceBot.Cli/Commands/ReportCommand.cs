using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GuidanceBot.Analytics;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Cli.Commands;

/// <summary>
/// <c>guidancebot report --from --to [--out FILE.csv] [--json]</c>: the periodic report per flow and the worst steps, as
/// CSV (UTF-8 with BOM) or JSON; progress on standard error (the first report after much traffic folds new events first).
/// </summary>
public static class ReportCommand
{
    public static Command Create(CliConsole console, DatabaseOptions database)
    {
        var filters = new FilterOptions(datesRequired: true);
        var output = new Option<string?>("--out") { Description = "Write the CSV to this file instead of standard output.", HelpName = "FILE.csv" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON, in the shape of GET /api/analytics/report." };
        var command = new Command("report", "The periodic report (per flow, the steps losing the most citizens) as CSV or JSON.");
        filters.AddTo(command);
        command.Add(output);
        command.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse, database, (services, configuration) => services.AddGuidanceBotAnalytics(configuration));
            return await RunAsync(host.Services.GetRequiredService<IAnalyticsReader>(), host.Services.GetRequiredService<FunnelQuery>(), filters.Read(parse),
                parse.GetValue(output), parse.GetValue(json), console, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(IAnalyticsReader reader, FunnelQuery query, AnalyticsFilter filter, string? path, bool json, CliConsole console,
        CancellationToken cancellationToken)
    {
        var progress = new CliProgress(console, "report", total: 3);
        progress.Step("bringing the daily roll-ups up to date");
        await reader.RefreshAsync(cancellationToken);
        progress.Step($"reading {filter.From:yyyy-MM-dd} – {filter.To:yyyy-MM-dd}");
        var report = await query.ReportAsync(filter, cancellationToken);
        progress.Step(path is { Length: > 0 } ? $"writing {path}" : "writing");
        progress.Done();
        var text = json ? JsonSerializer.Serialize(report, CliJson.Readable.AnalyticsReport) + "\n" : Csv(report);
        if (path is { Length: > 0 })
        {
            await File.WriteAllTextAsync(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: !json), cancellationToken);
            console.Out.WriteLine($"Wrote {path}: {report.Flows.Count(f => f.Runs.Started > 0)} flows with runs, {report.Totals.Started} runs, conversion {Ratio(report.Conversion)}.");
        }
        else
        {
            console.Out.Write(text);
        }
        return 0;
    }

    private static string Csv(AnalyticsReport report)
    {
        var csv = new StringBuilder();
        csv.Append("flow,started,completed,abandoned,cancelled,handedOff,replaced,conversion,linkClicks,helpfulShare\r\n");
        foreach (var f in report.Flows)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{f.Flow},{f.Runs.Started},{f.Runs.Completed},{f.Runs.Abandoned},{f.Runs.Cancelled},{f.Runs.HandedOff},{f.Runs.Replaced},{Ratio(f.Conversion)},{f.LinkClicks},{Ratio(f.HelpfulShare)}\r\n");
        }
        csv.Append("\r\nworstStepFlow,step,entered,lost,abandoned,cancelled,handedOff\r\n");
        foreach (var s in report.WorstSteps)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{s.Flow},{s.Step},{s.Entered},{s.Lost},{s.Abandoned},{s.Cancelled},{s.HandedOff}\r\n");
        }
        return csv.ToString();
    }

    private static string Ratio(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
}
