namespace GuidanceBot.Analytics;

/// <summary>How a flow run ended, as funnels name it. A run ends once; one still open has no ending.</summary>
public static class RunEnding
{
    public const string Completed = "completed";
    public const string Abandoned = "abandoned";
    public const string Cancelled = "cancelled";
    public const string HandedOff = "handedOff";
    public const string Replaced = "replaced";

    /// <summary>The ending an event kind stands for, or null when the kind does not end a run.</summary>
    public static string? Of(string kind) => kind switch
    {
        EventKinds.FlowCompleted => Completed,
        EventKinds.FlowAbandoned => Abandoned,
        EventKinds.FlowCancelled => Cancelled,
        EventKinds.HandedOff => HandedOff,
        EventKinds.FlowReplaced => Replaced,
        _ => null,
    };
}
