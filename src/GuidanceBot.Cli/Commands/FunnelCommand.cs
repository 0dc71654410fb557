using System.Globalization;
using GuidanceBot.Analytics;

namespace GuidanceBot.Cli.Commands;

/// <summary><c>guidancebot funnel FLOW [--from --to --channel --version --language]</c>: prints a flow's funnel as a table.</summary>
public static class FunnelCommand
{
    public static async Task<int> RunAsync(FunnelQuery query, CommandLine options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var flow = options.Positional.FirstOrDefault();
        if (flow is null)
        {
            stderr.WriteLine("Give the flow: guidancebot funnel khai-sinh [--from 2026-11-01 --to 2026-11-30 --channel zalo]");
            return 2;
        }
        if (!AnalyticsArguments.TryFilter(options, stderr, out var filter))
        {
            return 2;
        }
        if (!await query.KnowsFlowAsync(flow, cancellationToken))
        {
            stderr.WriteLine($"There is no flow '{flow}'.");
            return 1;
        }
        var funnel = await query.FunnelAsync(flow, filter, cancellationToken);
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
