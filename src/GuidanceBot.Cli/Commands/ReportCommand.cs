using System.Globalization;
using System.Text;
using GuidanceBot.Analytics;

namespace GuidanceBot.Cli.Commands;

/// <summary><c>guidancebot report --from --to [--out FILE.csv]</c>: the periodic report per flow and the worst steps, as CSV (UTF-8 with BOM).</summary>
public static class ReportCommand
{
    public static async Task<int> RunAsync(FunnelQuery query, CommandLine options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!AnalyticsArguments.TryFilter(options, stderr, out var filter))
        {
            return 2;
        }
        if (filter.From is null || filter.To is null)
        {
            stderr.WriteLine("The report needs both dates: guidancebot report --from 2026-11-01 --to 2026-11-30 [--out report.csv]");
            return 2;
        }
        var report = await query.ReportAsync(filter, cancellationToken);
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
        if (options.Named.TryGetValue("out", out var path) && path.Length > 0)
        {
            await File.WriteAllTextAsync(path, csv.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), cancellationToken);
            stdout.WriteLine($"Wrote {path}: {report.Flows.Count(f => f.Runs.Started > 0)} flows with runs, {report.Totals.Started} runs, conversion {Ratio(report.Conversion)}.");
        }
        else
        {
            stdout.Write(csv.ToString());
        }
        return 0;
    }

    private static string Ratio(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
}
