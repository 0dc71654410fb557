using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GuidanceBot.Analytics;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Cli.Commands;

/// <summary><c>guidancebot funnel FLOW [--from --to --channel --version --language] [--json]</c>: a flow's funnel, as a table or JSON.</summary>
public static class FunnelCommand
{
    public static Command Create(CliConsole console, DatabaseOptions database)
    {
        var flow = new Argument<string>("FLOW") { Description = "The flow's id, e.g. khai-sinh (`guidancebot validate` lists them)." };
        var filters = new FilterOptions(datesRequired: false);
        var json = new Option<bool>("--json") { Description = "Print the funnel as JSON, in the shape of GET /api/analytics/funnel." };
        var command = new Command("funnel", "Print a flow's funnel: per step entered, moved on, ended by reason, median and p90 seconds.") { flow };
        filters.AddTo(command);
        command.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse, database, (services, configuration) => services.AddGuidanceBotAnalytics(configuration));
            return await RunAsync(host.Services.GetRequiredService<FunnelQuery>(), parse.GetValue(flow)!, filters.Read(parse), parse.GetValue(json), console, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(FunnelQuery query, string flow, AnalyticsFilter filter, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        if (!await query.KnowsFlowAsync(flow, cancellationToken))
        {
            console.Error.WriteLine($"There is no flow '{flow}'.");
            return 1;
        }
        var funnel = await query.FunnelAsync(flow, filter, cancellationToken);
        var stdout = console.Out;
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(funnel, CliJson.Readable.Funnel));
            return 0;
        }
        var r = funnel.Runs;
        stdout.WriteLine($"{funnel.Flow} — {funnel.Title}");
        stdout.WriteLine($"runs: started {r.Started}, completed {r.Completed}, abandoned {r.Abandoned}, cancelled {r.Cancelled}, handed off {r.HandedOff}, " +
            $"replaced {r.Replaced}, in progress {r.InProgress}, resumed after abandoned {r.ResumedAfterAbandoned}; conversion {Percent(funnel.Conversion)}");
        stdout.WriteLine();
        stdout.WriteLine($"{"step",-28} {"entered",8} {"moved on",8} {"done",6} {"abandon",7} {"cancel",6} {"staff",6} {"switch",6} {"open",5} {"median s",8} {"p90 s",7}");
        foreach (var s in funnel.Steps)
        {
            var name = (s.MainPath ? "" : "  ") + s.Id;
            stdout.WriteLine($"{name,-28} {s.Entered,8} {s.MovedOn,8} {s.Ended.Completed,6} {s.Ended.Abandoned,7} {s.Ended.Cancelled,6} {s.Ended.HandedOff,6} " +
                $"{s.Ended.Replaced,6} {s.InProgress,5} {Seconds(s.MedianSeconds),8} {Seconds(s.P90Seconds),7}");
        }
        return 0;
    }

    private static string Percent(double? ratio) => ratio is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    private static string Seconds(double? s) => s?.ToString("0", CultureInfo.InvariantCulture) ?? "–";
}
