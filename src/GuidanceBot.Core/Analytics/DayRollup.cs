namespace GuidanceBot.Analytics;

/// <summary>
/// The per-day sums the roll-up tables hold (runs, steps, step-time buckets, outcomes per flow, version, channel,
/// language and commune — "" for runs whose citizen named none), built run by run from <see cref="RunFacts"/>. The stores write these rows; the sums are the same on every database.
/// </summary>
public sealed class DayRollup
{
    private readonly Dictionary<(string Flow, string Version, string Channel, string Language, string Commune), long[]> _runs = new();
    private readonly Dictionary<(string Flow, string Version, string Channel, string Language, string Commune, string Step), long[]> _steps = new();
    private readonly Dictionary<(string Flow, string Version, string Channel, string Language, string Commune, string Step, int Bucket), long> _seconds = new();
    private readonly Dictionary<(string Flow, string Version, string Channel, string Language, string Commune, string Outcome), long> _outcomes = new();

    /// <summary>started, completed, abandoned, cancelled, handed off, replaced, in progress, resumed — the columns of rollup_runs.</summary>
    public IReadOnlyDictionary<(string Flow, string Version, string Channel, string Language, string Commune), long[]> Runs => _runs;

    /// <summary>entered, moved on, ended completed / abandoned / cancelled / handed off / replaced, in progress, resumed — the columns of rollup_steps.</summary>
    public IReadOnlyDictionary<(string Flow, string Version, string Channel, string Language, string Commune, string Step), long[]> Steps => _steps;

    /// <summary>Runs that moved on from a step, per time bucket (<see cref="StepSeconds"/>).</summary>
    public IReadOnlyDictionary<(string Flow, string Version, string Channel, string Language, string Commune, string Step, int Bucket), long> Seconds => _seconds;

    /// <summary>Completed runs per outcome.</summary>
    public IReadOnlyDictionary<(string Flow, string Version, string Channel, string Language, string Commune, string Outcome), long> Outcomes => _outcomes;

    public void Add(RunFacts? run)
    {
        if (run is null)
        {
            return;
        }
        var key = (run.FlowId, run.ContentVersion, run.Channel, run.Language, run.Commune);
        var totals = _runs.TryGetValue(key, out var t) ? t : _runs[key] = new long[8];
        totals[0]++;
        totals[1 + EndingIndex(run.Ending)]++;
        if (run.ResumedAfterAbandoned)
        {
            totals[7]++;
        }
        if (run.Ending == RunEnding.Completed)
        {
            var outcomeKey = (run.FlowId, run.ContentVersion, run.Channel, run.Language, run.Commune, run.Outcome ?? "none");
            _outcomes[outcomeKey] = _outcomes.GetValueOrDefault(outcomeKey) + 1;
        }
        foreach (var (stepId, facts) in run.Steps)
        {
            var stepKey = (run.FlowId, run.ContentVersion, run.Channel, run.Language, run.Commune, stepId);
            var step = _steps.TryGetValue(stepKey, out var s) ? s : _steps[stepKey] = new long[9];
            step[0]++;
            if (facts.MovedOn)
            {
                step[1]++;
                var bucketKey = (run.FlowId, run.ContentVersion, run.Channel, run.Language, run.Commune, stepId, StepSeconds.Bucket(facts.Seconds));
                _seconds[bucketKey] = _seconds.GetValueOrDefault(bucketKey) + 1;
            }
            else
            {
                step[2 + EndingIndex(run.Ending)]++;
            }
            if (facts.Resumed)
            {
                step[8]++;
            }
        }
    }

    /// <summary>0..4 for the endings in the order of the tables' columns, 5 for a run still in progress.</summary>
    private static int EndingIndex(string? ending) => ending switch
    {
        RunEnding.Completed => 0,
        RunEnding.Abandoned => 1,
        RunEnding.Cancelled => 2,
        RunEnding.HandedOff => 3,
        RunEnding.Replaced => 4,
        _ => 5,
    };
}
