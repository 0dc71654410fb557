namespace GuidanceBot.Analytics;

/// <summary>How many runs of a flow started and how each ended (a run ends once; resumed runs count by their final end).</summary>
public sealed record FunnelRuns(long Started, long Completed, long Abandoned, long Cancelled, long HandedOff, long Replaced, long InProgress, long ResumedAfterAbandoned);

/// <summary>Runs that ended at a step, by reason.</summary>
public sealed record FunnelEnded(long Completed, long Abandoned, long Cancelled, long HandedOff, long Replaced)
{
    /// <summary>Citizens lost at the step: abandoned, cancelled or handed off (a switch to another flow is not a loss).</summary>
    public long Lost => Abandoned + Cancelled + HandedOff;
}

/// <summary>One step of a funnel: entered = movedOn + ended + inProgress. Times are over runs that moved on.</summary>
public sealed record FunnelStep(string Id, string Kind, string? Label, bool MainPath, long Entered, long MovedOn, FunnelEnded Ended, long InProgress,
    long ResumedAfterAbandoned, double? MedianSeconds, double? P90Seconds);

/// <summary>The funnel of one flow over a filter, steps in main-path order then branches; optionally another content version beside it.</summary>
public sealed record Funnel(string Flow, string Title, AnalyticsFilter Filter, FunnelRuns Runs, double? Conversion,
    IReadOnlyDictionary<string, long> Outcomes, IReadOnlyList<FunnelStep> Steps)
{
    /// <summary>The same flow over another content version, for a side-by-side comparison.</summary>
    public Funnel? Compare { get; init; }
}

/// <summary>One flow's line in the summary and the periodic report.</summary>
public sealed record FlowSummary(string Flow, string Title, FunnelRuns Runs, double? Conversion, long LinkClicks, long HelpfulAnswered, long HelpfulYes, double? HelpfulShare);

/// <summary>A step that loses citizens, for the "worst steps" lists.</summary>
public sealed record LosingStep(string Flow, string Step, long Entered, long Lost, long Abandoned, long Cancelled, long HandedOff, double? LossRate);

/// <summary>A redacted text the bot did not understand, and how often it was written.</summary>
public sealed record TextCount(string Text, long Count);

/// <summary>A portal link and its clicks.</summary>
public sealed record LinkCount(string Flow, string Link, long Clicks);

/// <summary>
/// A commune shown in the report (never one under the small-number rule), with its conversion over the period before, of
/// the same length, when it was shown then too: whether guidance there improves.
/// </summary>
public sealed record ReportCommune(string Id, string Name, long Started, long Completed, double? Conversion, double? PreviousConversion);

/// <summary>The summary across flows, which is also the periodic report for leadership.</summary>
public sealed record AnalyticsReport(AnalyticsFilter Filter, FunnelRuns Totals, double? Conversion, IReadOnlyList<FlowSummary> Flows,
    IReadOnlyList<LosingStep> WorstSteps, IReadOnlyList<TextCount> NotUnderstood, IReadOnlyList<LinkCount> LinkClicks)
{
    /// <summary>The communes shown, ranked by conversion (lowest last); empty in one commune's own report.</summary>
    public IReadOnlyList<ReportCommune> Communes { get; init; } = [];

    /// <summary>How many communes the small-number rule hides from <see cref="Communes"/>.</summary>
    public int CommunesHidden { get; init; }
}
