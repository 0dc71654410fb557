namespace GuidanceBot.Analytics;

/// <summary>One event of a run as the roll-up reads it; <paramref name="Commune"/> is the <c>commune</c> property of flow-started and commune-known events.</summary>
public readonly record struct RunEvent(string Kind, DateTimeOffset Timestamp, string? StepId, string? FlowId, string? ContentVersion,
    string Channel, string? Language, string? Outcome, string? Commune);

/// <summary>What happened to one step in one run: whether the run moved on from it, and the seconds spent there.</summary>
public readonly record struct StepFacts(bool MovedOn, long Seconds, bool Resumed);

/// <summary>
/// One flow run folded from its events: where it started, the steps it entered, where and how it ended.
/// A run ended as abandoned and later resumed counts by its final ending, with <see cref="ResumedAfterAbandoned"/> set.
/// <see cref="Commune"/> is the commune the citizen named during the run (the first one), "" when none.
/// </summary>
public sealed record RunFacts(
    string FlowId, string ContentVersion, string Channel, string Language, DateTimeOffset StartedAt,
    string? Ending, string? EndStep, string? Outcome, bool ResumedAfterAbandoned, IReadOnlyDictionary<string, StepFacts> Steps)
{
    public string Commune { get; init; } = "";

    /// <summary>Folds a run's events, in the order they were written; null when the run's start is not among them.</summary>
    public static RunFacts? Fold(IReadOnlyList<RunEvent> events)
    {
        var start = -1;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Kind == EventKinds.FlowStarted)
            {
                start = i;
                break;
            }
        }
        if (start < 0)
        {
            return null;
        }
        var first = events[start];
        var entered = new List<string>();
        var seconds = new Dictionary<string, long>(StringComparer.Ordinal);
        var resumedAt = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        string? ending = null;
        string? endStep = null;
        string? outcome = null;
        var resumed = false;
        string? commune = null;
        for (var i = start; i < events.Count; i++)
        {
            var e = events[i];
            if (commune is null && e.Commune is { Length: > 0 } named && e.Kind is EventKinds.FlowStarted or EventKinds.CommuneKnown)
            {
                commune = named;
            }
            if (ending is not null && ending != RunEnding.Abandoned)
            {
                break; // the run is over; what follows (the "helpful?" answer, a late link click) takes no step time
            }
            if (i > start && current is not null && ending is null
                && e.Kind is not (EventKinds.FlowAbandoned or EventKinds.FlowResumed))
            {
                // Time between two events of the run belongs to the step on screen; idle time before an abandonment
                // or a resume is not time spent on the step.
                seconds[current] = seconds.GetValueOrDefault(current) + (long)(e.Timestamp - events[i - 1].Timestamp).TotalSeconds;
            }
            switch (e.Kind)
            {
                case EventKinds.StepEntered when e.StepId is not null && ending is null:
                    current = e.StepId;
                    if (!entered.Contains(current))
                    {
                        entered.Add(current);
                    }
                    break;
                case EventKinds.FlowResumed when ending == RunEnding.Abandoned:
                    ending = null;
                    resumed = true;
                    if (endStep is not null)
                    {
                        resumedAt.Add(endStep);
                    }
                    endStep = null;
                    break;
                default:
                    if (ending is null && RunEnding.Of(e.Kind) is { } end)
                    {
                        ending = end;
                        endStep = e.StepId ?? current;
                        outcome = end == RunEnding.Completed ? e.Outcome : null;
                    }
                    break;
            }
        }
        var final = endStep ?? current;
        var steps = new Dictionary<string, StepFacts>(StringComparer.Ordinal);
        foreach (var step in entered)
        {
            steps[step] = new StepFacts(step != final, seconds.GetValueOrDefault(step), resumedAt.Contains(step));
        }
        return new RunFacts(first.FlowId ?? "", first.ContentVersion ?? "", first.Channel, first.Language ?? "vi", first.Timestamp,
            ending, ending is null ? null : final, outcome, resumed, steps)
        {
            Commune = commune ?? "",
        };
    }
}
