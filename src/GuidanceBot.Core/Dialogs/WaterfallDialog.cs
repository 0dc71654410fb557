using System.Text.Json.Nodes;
using GuidanceBot.Analytics;

namespace GuidanceBot.Dialogs;

/// <summary>A named step of a waterfall.</summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext step, CancellationToken cancellationToken);

/// <summary>
/// A fixed sequence of steps; each step usually starts a prompt or child dialog and the next step receives its result.
/// Values set by one step are kept for the later ones. Records "step-entered" for each step.
/// </summary>
public class WaterfallDialog(string id) : Dialog(id)
{
    private readonly List<(string Name, WaterfallStep Run)> _steps = [];

    /// <summary>The analytics flow id stamped on this dialog's step events (null: not a flow, only a dialog).</summary>
    public string? FlowId { get; init; }

    public WaterfallDialog AddStep(string name, WaterfallStep step)
    {
        _steps.Add((name, step));
        return this;
    }

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        state["options"] = options?.DeepClone();
        state["values"] = new JsonObject();
        state["stepIndex"] = -1;
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.Turn.Activity.IsMessage
            ? ResumeAsync(dc, DialogReason.ContinueCalled, dc.Turn.Activity.Text, cancellationToken)
            : Task.FromResult(DialogTurnResult.Waiting);

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, DialogReason reason, JsonNode? result, CancellationToken cancellationToken)
    {
        var index = (int)dc.ActiveDialog!.State["stepIndex"]!;
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, JsonNode? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }
        var instance = dc.ActiveDialog!;
        instance.State["stepIndex"] = index;
        var (name, run) = _steps[index];
        dc.Turn.Record(EventKinds.StepEntered, FlowId, name, new Dictionary<string, string> { ["dialog"] = Id });
        var step = new WaterfallStepContext(this, dc, instance, index, name, reason, result);
        return await run(step, cancellationToken);
    }
}
