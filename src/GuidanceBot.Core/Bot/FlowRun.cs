using System.Text.Json;
using System.Text.Json.Nodes;
using GuidanceBot.Dialogs;
using GuidanceBot.Engine;

namespace GuidanceBot.Bot;

/// <summary>
/// One run of a flow, persisted in its dialog stack entry: which flow and version, the step it stands at, the citizen's
/// answers and path, the side question it is asking, how it ended. Read once per turn (<see cref="In"/>) and written
/// back when the turn ends (<see cref="SaveTurn"/>), so every dialog of the turn sees the same run; the abandonment
/// sweep and reminders, which work outside turns, use <see cref="Read"/> and <see cref="Write"/>.
/// </summary>
public sealed class FlowRun
{
    public required string Flow { get; init; }

    /// <summary>A random id for this run, stamped on its analytics events.</summary>
    public required string Run { get; init; }

    /// <summary>The content version of the flow the run is following (it follows content edits step by step).</summary>
    public required string Version { get; set; }

    /// <summary>Run by a call step of another flow: it returns its outcome instead of asking whether it helped.</summary>
    public bool Called { get; init; }

    public string Step { get; set; } = "";

    /// <summary>Ask step id → the 1-based choice the citizen made.</summary>
    public Dictionary<string, int> Answers { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The steps shown, for "quay lại".</summary>
    public List<string> History { get; init; } = [];

    /// <summary>Answers at this step the bot did not understand.</summary>
    public int Attempts { get; set; }

    /// <summary>The citizen said they are stuck at this do step: its stuck help is what the step shows.</summary>
    public bool Stuck { get; set; }

    /// <summary>The side question a prompt above this run is asking, so its answer is read as that.</summary>
    public FlowAsking? Asking { get; set; }

    /// <summary>The flow the switch question offers.</summary>
    public string? SwitchTo { get; set; }

    /// <summary>How the run ended; null while it goes on (an ended run stays for the "helpful?" question).</summary>
    public string? Outcome { get; set; }

    /// <summary>The abandonment sweep recorded this run as abandoned; cleared (and flow-resumed recorded) when it goes on.</summary>
    public bool Abandoned { get; set; }

    /// <summary>Where the opt-in reminder stands; null when this run never asked.</summary>
    public ReminderStatus? Reminder { get; set; }

    public bool Ended => Outcome is not null;

    private const string StateKey = "run";
    private const string TurnItem = "flow-runs";

    /// <summary>The run in a stack entry, or null for another dialog's entry or one written in an older format.</summary>
    public static FlowRun? Read(DialogInstance instance)
    {
        if (instance.Id != FlowDialog.DialogId || instance.State[StateKey] is not JsonObject state)
        {
            return null;
        }
        try
        {
            return state.Deserialize(BotStateJson.Default.FlowRun);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Write(DialogInstance instance) => instance.State[StateKey] = JsonSerializer.SerializeToNode(this, BotStateJson.Default.FlowRun);

    /// <summary>The run in a stack entry as this turn sees it: read once, then the same object for every dialog of the turn.</summary>
    public static FlowRun? In(TurnContext turn, DialogInstance instance)
    {
        var runs = Runs(turn);
        if (runs.TryGetValue(instance, out var run))
        {
            return run;
        }
        run = Read(instance);
        if (run is not null)
        {
            runs.Add(instance, run);
        }
        return run;
    }

    /// <summary>Makes <paramref name="run"/> the run of a new stack entry for the rest of the turn.</summary>
    public static void Start(TurnContext turn, DialogInstance instance, FlowRun run)
    {
        Runs(turn)[instance] = run;
        run.Write(instance);
    }

    /// <summary>Writes every run the turn read back into its stack entry; the turn engine then saves the stack.</summary>
    public static void SaveTurn(TurnContext turn)
    {
        if (turn.Items.GetValueOrDefault(TurnItem) is Dictionary<DialogInstance, FlowRun> runs)
        {
            foreach (var (instance, run) in runs)
            {
                run.Write(instance);
            }
        }
    }

    /// <summary>Runs on the stack that have not ended, outermost first, nested stacks included (a called flow's caller is open too).</summary>
    public static IEnumerable<(DialogInstance Instance, FlowRun Run)> Open(IEnumerable<DialogInstance> stack, Func<DialogInstance, FlowRun?> read)
    {
        foreach (var instance in stack)
        {
            if (read(instance) is { Ended: false } run)
            {
                yield return (instance, run);
            }
            if (instance.Dialogs is { } inner)
            {
                foreach (var nested in Open(inner, read))
                {
                    yield return nested;
                }
            }
        }
    }

    private static Dictionary<DialogInstance, FlowRun> Runs(TurnContext turn)
    {
        if (turn.Items.GetValueOrDefault(TurnItem) is not Dictionary<DialogInstance, FlowRun> runs)
        {
            runs = new Dictionary<DialogInstance, FlowRun>(ReferenceEqualityComparer.Instance);
            turn.Items[TurnItem] = runs;
        }
        return runs;
    }
}
