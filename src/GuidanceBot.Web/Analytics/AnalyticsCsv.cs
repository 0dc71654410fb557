using System.Globalization;
using System.Text;
using GuidanceBot.Analytics;

namespace GuidanceBot.Web.Analytics;

/// <summary>Funnels and reports as CSV: UTF-8 with a BOM so spreadsheets show Vietnamese text intact, RFC 4180 quoting.</summary>
public static class AnalyticsCsv
{
    public static IResult File(string text, string name) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), "text/csv; charset=utf-8", name);

    public static string Funnel(Funnel funnel)
    {
        var csv = new StringBuilder();
        Row(csv, "flow", "version", "step", "kind", "label", "mainPath", "entered", "movedOn", "completed", "abandoned", "cancelled", "handedOff",
            "replaced", "inProgress", "resumedAfterAbandoned", "medianSeconds", "p90Seconds");
        foreach (var f in funnel.Compare is null ? [funnel] : new[] { funnel, funnel.Compare })
        {
            foreach (var s in f.Steps)
            {
                Row(csv, f.Flow, f.Filter.Version ?? "", s.Id, s.Kind, s.Label ?? "", s.MainPath ? "yes" : "no", N(s.Entered), N(s.MovedOn),
                    N(s.Ended.Completed), N(s.Ended.Abandoned), N(s.Ended.Cancelled), N(s.Ended.HandedOff), N(s.Ended.Replaced),
                    N(s.InProgress), N(s.ResumedAfterAbandoned), D(s.MedianSeconds), D(s.P90Seconds));
            }
        }
        return csv.ToString();
    }

    public static string Report(AnalyticsReport report)
    {
        var csv = new StringBuilder();
        Row(csv, "flow", "title", "started", "completed", "abandoned", "cancelled", "handedOff", "replaced", "inProgress", "conversion",
            "linkClicks", "helpfulAnswered", "helpfulShare");
        foreach (var f in report.Flows)
        {
            Row(csv, f.Flow, f.Title, N(f.Runs.Started), N(f.Runs.Completed), N(f.Runs.Abandoned), N(f.Runs.Cancelled), N(f.Runs.HandedOff),
                N(f.Runs.Replaced), N(f.Runs.InProgress), D(f.Conversion), N(f.LinkClicks), N(f.HelpfulAnswered), D(f.HelpfulShare));
        }
        csv.Append("\r\n");
        Row(csv, "worstStepFlow", "step", "entered", "lost", "abandoned", "cancelled", "handedOff", "lossRate");
        foreach (var s in report.WorstSteps)
        {
            Row(csv, s.Flow, s.Step, N(s.Entered), N(s.Lost), N(s.Abandoned), N(s.Cancelled), N(s.HandedOff), D(s.LossRate));
        }
        if (report.Communes.Count > 0 || report.CommunesHidden > 0)
        {
            csv.Append("\r\n");
            Row(csv, "commune", "name", "started", "completed", "conversion", "previousConversion");
            foreach (var c in report.Communes)
            {
                Row(csv, c.Id, c.Name, N(c.Started), N(c.Completed), D(c.Conversion), D(c.PreviousConversion));
            }
            Row(csv, "hidden", $"{report.CommunesHidden} communes under the small-number rule");
        }
        return csv.ToString();
    }

    /// <summary>One line per commune, hidden counts as "&lt; N" like the JSON.</summary>
    public static string Communes(CommuneReport report)
    {
        var csv = new StringBuilder();
        Row(csv, "commune", "name", "kind", "started", "completed", "abandoned", "cancelled", "handedOff", "replaced", "inProgress", "conversion");
        foreach (var c in report.Communes)
        {
            var r = c.Runs;
            Row(csv, c.Id, c.Name, c.Kind, r.Started.ToString(), r.Completed.ToString(), r.Abandoned.ToString(), r.Cancelled.ToString(),
                r.HandedOff.ToString(), r.Replaced.ToString(), r.InProgress.ToString(), D(c.Conversion));
        }
        return csv.ToString();
    }

    public static string Texts(IReadOnlyList<TextCount> texts)
    {
        var csv = new StringBuilder();
        Row(csv, "text", "count");
        foreach (var t in texts)
        {
            Row(csv, t.Text, N(t.Count));
        }
        return csv.ToString();
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    private static void Row(StringBuilder csv, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) csv.Append(',');
            var f = fields[i];
            // A leading = + - @ would run as a formula in a spreadsheet: staff open these files, citizens wrote some of the text.
            if (f.Length > 0 && f[0] is '=' or '+' or '-' or '@')
            {
                f = "'" + f;
            }
            csv.Append(f.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f);
        }
        csv.Append("\r\n");
    }
}
