using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text;
using GuidanceBot.Activities;
using GuidanceBot.Analytics;
using GuidanceBot.Content;
using GuidanceBot.Dialogs;
using GuidanceBot.Engine;
using GuidanceBot.Language;
using GuidanceBot.Texts;

namespace GuidanceBot.Bot;

/// <summary>
/// Runs any flow from dialogs/ on the dialog stack: one step at a time, tailored by earlier answers, recording
/// step entered / answered and how the run ended. A <c>call</c> step pushes another flow and resumes after it.
/// Reads the flow from the current catalog on every turn, so edited content takes effect without a restart.
/// </summary>
public sealed class FlowDialog(Func<FlowCatalog> catalog, IIntentRecognizer intents, BotOptions options) : Dialog(DialogId)
{
    public const string DialogId = "flow";

    /// <summary>Set in <see cref="TurnContext.Items"/> before cancelling the stack, to say why runs end.</summary>
    public const string EndReasonItem = "flow-end-reason";

    private const string ModeAnswer = "answer";
    private const string ModeStuck = "stuck";
    private const string ModeSwitch = "switch";
    private const string ModeHelpful = "helpful";
    private const string ModeCall = "call";

    /// <summary>Begin options for a flow.</summary>
    public static JsonNode Options(string flowId, bool called = false) => new JsonObject { ["flow"] = flowId, ["called"] = called };

    /// <summary>Where a run stands, read from its stack entry: for the router's resume offer and handoff.</summary>
    public sealed record Position(string FlowId, string StepId, string RunId, string Version);

    /// <summary>Set on a run's stack entry by the abandonment sweep; cleared (and flow-resumed recorded) when the run goes on.</summary>
    public const string AbandonedMark = "abandoned";

    /// <summary>A flow run on the stack that has not ended (completed runs stay for the "helpful?" question).</summary>
    public static bool IsOpenRun(DialogInstance instance) =>
        PositionOf(instance) is not null && (bool?)instance.State["ended"] != true;

    public static bool IsMarkedAbandoned(DialogInstance instance) => (bool?)instance.State[AbandonedMark] == true;

    /// <summary>Removes the abandonment mark; true when there was one, so the caller records flow-resumed exactly once.</summary>
    public static bool ClearAbandoned(DialogInstance instance) => instance.State.Remove(AbandonedMark);

    public static Position? PositionOf(DialogInstance instance) =>
        instance.Id == DialogId && instance.State["flow"] is JsonValue
            ? new Position((string)instance.State["flow"]!, (string?)instance.State["step"] ?? "", (string)instance.State["run"]!, (string)instance.State["version"]!)
            : null;

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? beginOptions, CancellationToken cancellationToken)
    {
        var flowId = (string?)beginOptions?["flow"] ?? throw new ArgumentException("FlowDialog needs a 'flow' option.");
        var flow = catalog().Find(flowId) ?? throw new InvalidOperationException($"No flow '{flowId}' is loaded.");
        var state = dc.ActiveDialog!.State;
        state["flow"] = flow.Id;
        state["version"] = flow.ContentVersion;
        state["run"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        state["called"] = (bool?)beginOptions!["called"] ?? false;
        state["answers"] = new JsonObject();
        state["history"] = new JsonArray();
        Record(dc.Turn, state, EventKinds.FlowStarted, null, state["called"]!.GetValue<bool>() ? new() { ["called"] = "true" } : null);
        return EnterAsync(dc, flow, flow.Start, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        if (!turn.Activity.IsMessage)
        {
            return DialogTurnResult.Waiting;
        }
        var state = dc.ActiveDialog!.State;
        RecordResumedIfAbandoned(turn, dc.ActiveDialog!);
        var flow = catalog().Find((string)state["flow"]!);
        var step = flow?.FindStep((string)state["step"]!);
        if (flow is null)
        {
            turn.Send(turn.Text("GuideNoLongerAvailablePick"));
            return await dc.EndDialogAsync(null, cancellationToken);
        }
        if (step is null)
        {
            // The content was edited under this conversation and the step is gone: start the flow's new version.
            turn.Send(turn.Text("GuideWasJustUpdatedLets"));
            return await dc.ReplaceDialogAsync(DialogId, Options(flow.Id, (bool)state["called"]!), cancellationToken);
        }
        state["version"] = flow.ContentVersion;
        var text = turn.Activity.Text ?? "";
        if (AnswerReminder(dc, flow, step, text))
        {
            return DialogTurnResult.Waiting;
        }

        switch (GlobalCommands.Recognize(text))
        {
            case GlobalCommand.Back:
                return await BackAsync(dc, flow, cancellationToken);
            case GlobalCommand.Help:
                turn.Send(step.Help is { } help
                    ? help.For(turn.Language)
                    : turn.Text("TapButtonBelowAnswerType"));
                Show(turn, flow, step, state);
                return DialogTurnResult.Waiting;
        }

        return (string?)state["mode"] switch
        {
            ModeSwitch => await SwitchAnswerAsync(dc, flow, step, text, cancellationToken),
            ModeHelpful => await HelpfulAnswerAsync(dc, text, cancellationToken),
            ModeStuck => await StuckAnswerAsync(dc, flow, (DoStep)step, text, cancellationToken),
            _ => await AnswerAsync(dc, flow, step, text, cancellationToken),
        };
    }

    /// <summary>
    /// A called flow ended: branch on its outcome (next when completed, else the call's <c>on:</c>, which may end this flow
    /// with the same outcome), or pass a switch to another flow up the stack.
    /// </summary>
    public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, DialogReason reason, JsonNode? result, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        RecordResumedIfAbandoned(dc.Turn, dc.ActiveDialog!);
        if (result is JsonObject asked && (asked["switchTo"] is not null || asked["reroute"] is not null))
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }
        var flow = catalog().Find((string)state["flow"]!);
        if (flow?.FindStep((string)state["step"]!) is not CallStep call)
        {
            return await dc.EndDialogAsync(null, cancellationToken);
        }
        // No outcome: the called flow left the content under this run; go on as after a completed call.
        var outcome = (string?)result;
        Record(dc.Turn, state, EventKinds.StepAnswered, call.Id, new() { ["answer"] = "returned", ["outcome"] = outcome ?? "none" });
        var target = call.After(outcome ?? Outcomes.Completed);
        return target is null
            ? await FinishAsync(dc, call.Id, outcome!, say: null, via: call.FlowId, cancellationToken)
            : await EnterAsync(dc, flow, target, cancellationToken);
    }

    public override Task RepromptAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken)
    {
        var flow = catalog().Find((string)instance.State["flow"]!);
        if (flow?.FindStep((string)instance.State["step"]!) is { } step)
        {
            Show(dc.Turn, flow, step, instance.State);
        }
        return Task.CompletedTask;
    }

    public override Task EndAsync(DialogContext dc, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        // A run ends once: a completed run, or one the sweep already recorded as abandoned, records nothing more.
        if ((bool?)instance.State["ended"] == true || IsMarkedAbandoned(instance))
        {
            return Task.CompletedTask;
        }
        var why = dc.Turn.Items.GetValueOrDefault(EndReasonItem) as string;
        var kind = reason == DialogReason.ReplaceCalled || why == "replaced"
            ? EventKinds.FlowReplaced
            : why == "handed-off" ? EventKinds.HandedOff : EventKinds.FlowCancelled;
        Record(dc.Turn, instance.State, kind, (string?)instance.State["step"]);
        return Task.CompletedTask;
    }

    private static void RecordResumedIfAbandoned(TurnContext turn, DialogInstance instance)
    {
        if (ClearAbandoned(instance))
        {
            Record(turn, instance.State, EventKinds.FlowResumed, (string?)instance.State["step"], new() { ["after"] = "abandoned" });
        }
    }

    private async Task<DialogTurnResult> EnterAsync(DialogContext dc, FlowDefinition flow, string stepId, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        var step = flow.Step(stepId);
        state["step"] = step.Id;
        state["mode"] = ModeAnswer;
        state["attempts"] = 0;
        Record(dc.Turn, state, EventKinds.StepEntered, step.Id);
        switch (step)
        {
            case CallStep call:
                state["mode"] = ModeCall;
                return await dc.BeginDialogAsync(DialogId, Options(call.FlowId, called: true), cancellationToken);
            case EndStep end:
                return await FinishAsync(dc, end.Id, end.Outcome, end.Say, via: null, cancellationToken);
            default:
                var history = (JsonArray)state["history"]!;
                if (history.Count == 0 || (string?)history[^1] != step.Id)
                {
                    history.Add(step.Id);
                }
                Show(dc.Turn, flow, step, state);
                OfferReminder(dc, step, state);
                return DialogTurnResult.Waiting;
        }
    }

    /// <summary>
    /// After the first document checklist — when a citizen may well leave to fetch papers — asks "Nhắc tôi tiếp tục sau?",
    /// once per stack of runs, where the channel can send a reminder (<see cref="ResumeReminders.IsOffered"/>).
    /// </summary>
    private static void OfferReminder(DialogContext dc, StepDefinition step, JsonObject state)
    {
        var turn = dc.Turn;
        if (step is not InformStep inform || !ResumeReminders.IsOffered(turn.Activity) || inform.DocumentsFor(Answers(state)).Count == 0
            || dc.Stack.Any(i => ResumeReminders.Of(i) is not null))
        {
            return;
        }
        state[ResumeReminders.Key] = ResumeReminders.Asked;
        turn.Send(turn.Text("NeedTimeGatherTheseShall"),
            Buttons(turn, Labels.RemindMe, Labels.NoReminder));
    }

    /// <summary>A tap on the reminder question's buttons, at whatever step the run is now; false for anything else.</summary>
    private bool AnswerReminder(DialogContext dc, FlowDefinition flow, StepDefinition step, string text)
    {
        // Only the buttons' exact text: a bare "có" or "không" answers the step, not the question.
        var canonical = VietnameseText.Canonical(text);
        bool? remind = IsLabel(canonical, Labels.RemindMe) ? true : IsLabel(canonical, Labels.NoReminder) ? false : null;
        var asking = remind is null ? null : dc.Stack.LastOrDefault(i => ResumeReminders.Of(i) == ResumeReminders.Asked);
        if (asking is null)
        {
            return false;
        }
        var turn = dc.Turn;
        asking.State[ResumeReminders.Key] = remind!.Value ? ResumeReminders.Yes : ResumeReminders.No;
        Record(turn, asking.State, EventKinds.ReminderAnswered, (string?)asking.State["step"], new() { ["remind"] = remind.Value ? "yes" : "no" });
        var reply = turn.Send(remind.Value
                ? turn.Text("OKIfHaveNotCome")
                : turn.Text("OKNoReminder"),
            // The step's buttons again, unless the citizen is being asked whether to switch flows.
            (string?)dc.ActiveDialog!.State["mode"] == ModeSwitch ? [] : StepButtons(turn, flow, step, dc.ActiveDialog.State));
        if (remind.Value)
        {
            ResumeReminders.MarkRequested(reply);
        }
        return true;
    }

    private static bool IsLabel(string canonical, LocalizedText label) =>
        canonical == VietnameseText.Canonical(label.Vi) || (label.En is { } en && canonical == VietnameseText.Canonical(en));

    private async Task<DialogTurnResult> AnswerAsync(DialogContext dc, FlowDefinition flow, StepDefinition step, string text, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var state = dc.ActiveDialog!.State;
        switch (step)
        {
            case AskStep ask:
                var choice = Match(text, ask.Choices.Select(c => c.Label).ToList());
                if (choice >= 0)
                {
                    ((JsonObject)state["answers"]!)[ask.Id] = choice + 1;
                    Record(turn, state, EventKinds.StepAnswered, ask.Id, new() { ["choice"] = (choice + 1).ToString(CultureInfo.InvariantCulture) });
                    return await EnterAsync(dc, flow, ask.Choices[choice].Next, cancellationToken);
                }
                break;
            case InformStep inform:
                if (Match(text, [Labels.Continue]) == 0 || ConfirmRecognizer.Recognize(text) == true)
                {
                    Record(turn, state, EventKinds.StepAnswered, inform.Id, new() { ["answer"] = "continue" });
                    return await EnterAsync(dc, flow, inform.Next, cancellationToken);
                }
                break;
            case DoStep @do:
                var done = Match(text, [Labels.Done, Labels.Stuck]) switch
                {
                    0 => true,
                    1 => false,
                    _ => ConfirmRecognizer.Recognize(text),
                };
                if (done == true)
                {
                    Record(turn, state, EventKinds.StepAnswered, @do.Id, new() { ["answer"] = "done" });
                    return await EnterAsync(dc, flow, @do.Next, cancellationToken);
                }
                if (done == false)
                {
                    Record(turn, state, EventKinds.StepAnswered, @do.Id, new() { ["answer"] = "stuck" });
                    state["mode"] = ModeStuck;
                    Show(turn, flow, @do, state);
                    return DialogTurnResult.Waiting;
                }
                break;
        }
        return NotUnderstood(dc, flow, step, text);
    }

    private async Task<DialogTurnResult> StuckAnswerAsync(DialogContext dc, FlowDefinition flow, DoStep step, string text, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var state = dc.ActiveDialog!.State;
        var worked = Match(text, [Labels.Worked, Labels.StillStuck]) switch
        {
            0 => true,
            1 => false,
            _ => ConfirmRecognizer.Recognize(text),
        };
        if (worked == true)
        {
            Record(turn, state, EventKinds.StepAnswered, step.Id, new() { ["answer"] = "done" });
            return await EnterAsync(dc, flow, step.Next, cancellationToken);
        }
        if (worked == false)
        {
            Record(turn, state, EventKinds.StepAnswered, step.Id, new() { ["answer"] = "still-stuck" });
            turn.Send(turn.Text("StepHardManyPeopleCall", options.Hotline),
                Buttons(turn, Labels.Worked, Labels.StillStuck));
            return DialogTurnResult.Waiting;
        }
        return NotUnderstood(dc, flow, step, text);
    }

    private DialogTurnResult NotUnderstood(DialogContext dc, FlowDefinition flow, StepDefinition step, string text)
    {
        var turn = dc.Turn;
        var state = dc.ActiveDialog!.State;
        var best = intents.Recognize(text, 1);
        if (best.Count > 0 && best[0].Score >= options.StrongMatch && best[0].FlowId != flow.Id && catalog().Find(best[0].FlowId) is { } other)
        {
            state["mode"] = ModeSwitch;
            state["switchTo"] = other.Id;
            turn.Send(turn.Text("Switch", flow.Title.For(turn.Language), other.Title.For(turn.Language)),
                Buttons(turn, Labels.Yes, Labels.No));
            return DialogTurnResult.Waiting;
        }
        var attempts = ((int?)state["attempts"] ?? 0) + 1;
        state["attempts"] = attempts;
        Record(turn, state, EventKinds.PromptRetried, step.Id, new() { ["attempt"] = attempts.ToString(CultureInfo.InvariantCulture) });
        Record(turn, state, EventKinds.NotUnderstood, step.Id, new() { ["text"] = Redactor.Redact(text) });
        turn.Send(attempts >= 3
            ? turn.Text("StillDontUnderstandTapButton", options.Hotline)
            : turn.Text("DidNotUnderstandTapButton"));
        Show(turn, flow, step, state);
        return DialogTurnResult.Waiting;
    }

    private async Task<DialogTurnResult> SwitchAnswerAsync(DialogContext dc, FlowDefinition flow, StepDefinition step, string text, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        var yes = Match(text, [Labels.Yes, Labels.No]) switch { 0 => true, 1 => false, _ => ConfirmRecognizer.Recognize(text) };
        if (yes == true)
        {
            dc.Turn.Items[EndReasonItem] = "replaced";
            return await dc.EndDialogAsync(new JsonObject { ["switchTo"] = (string)state["switchTo"]! }, cancellationToken);
        }
        state["mode"] = ModeAnswer;
        state.Remove("switchTo");
        if (yes is null)
        {
            return NotUnderstood(dc, flow, step, text);
        }
        dc.Turn.Send(dc.Turn.Text("OKLetsCarry"));
        Show(dc.Turn, flow, step, state);
        return DialogTurnResult.Waiting;
    }

    private async Task<DialogTurnResult> HelpfulAnswerAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var state = dc.ActiveDialog!.State;
        var helpful = Match(text, [Labels.Helpful, Labels.NotHelpful]) switch { 0 => true, 1 => false, _ => ConfirmRecognizer.Recognize(text) };
        if (helpful is null)
        {
            // Not an answer to the question: the citizen has moved on; let the router read the message.
            return await dc.EndDialogAsync(new JsonObject { ["reroute"] = true }, cancellationToken);
        }
        Record(turn, state, EventKinds.HelpfulAnswered, (string?)state["step"], new() { ["helpful"] = helpful.Value ? "yes" : "no" });
        turn.Send(helpful.Value
            ? turn.Text("ThankGoodLuckWithApplication")
            : turn.Text("ThanksTellingUsStaffWill", options.Hotline));
        return await dc.EndDialogAsync(JsonValue.Create((string?)state["outcome"]), cancellationToken);
    }

    /// <summary>
    /// Ends the run with an outcome at an end step, or at a call step whose called flow (<paramref name="via"/>) ended
    /// this way: records it, returns it to the calling flow, or asks a citizen at the top whether the guide helped.
    /// </summary>
    private async Task<DialogTurnResult> FinishAsync(DialogContext dc, string stepId, string outcome, LocalizedText? say, string? via, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var state = dc.ActiveDialog!.State;
        if (say is not null)
        {
            turn.Send(say.For(turn.Language));
        }
        var properties = new Dictionary<string, string> { ["outcome"] = outcome };
        if (via is not null)
        {
            properties["via"] = via;
        }
        Record(turn, state, EventKinds.FlowCompleted, stepId, properties);
        state["ended"] = true;
        state["outcome"] = outcome;
        if ((bool)state["called"]!)
        {
            return await dc.EndDialogAsync(JsonValue.Create(outcome), cancellationToken);
        }
        state["mode"] = ModeHelpful;
        turn.Send(turn.Text("WasGuideHelpful"), Buttons(turn, Labels.Helpful, Labels.NotHelpful));
        return DialogTurnResult.Waiting;
    }

    private async Task<DialogTurnResult> BackAsync(DialogContext dc, FlowDefinition flow, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var state = dc.ActiveDialog!.State;
        var history = (JsonArray)state["history"]!;
        var current = (string)state["step"]!;
        if (history.Count > 0 && (string?)history[^1] == current)
        {
            history.RemoveAt(history.Count - 1);
        }
        if (history.Count == 0 || (string?)state["mode"] is ModeHelpful)
        {
            if ((string?)state["mode"] is not ModeHelpful)
            {
                history.Add(current);
            }
            turn.Send(turn.Text("FirstStepPartThereNothing"));
            await RepromptAsync(dc, dc.ActiveDialog!, cancellationToken);
            return DialogTurnResult.Waiting;
        }
        var previous = (string)history[^1]!;
        history.RemoveAt(history.Count - 1);
        ((JsonObject)state["answers"]!).Remove(previous);
        Record(turn, state, EventKinds.StepAnswered, current, new() { ["answer"] = "back" });
        return await EnterAsync(dc, flow, previous, cancellationToken);
    }

    /// <summary>Sends the step as the citizen sees it: the question, checklist or instruction with its buttons and links.</summary>
    private void Show(TurnContext turn, FlowDefinition flow, StepDefinition step, JsonObject state)
    {
        var mode = (string?)state["mode"];
        turn.State.LastShown = new ShownStep(flow.Id, step.Id, (string)state["run"]!);
        var buttons = StepButtons(turn, flow, step, state);
        switch (step)
        {
            // A run ends at an end step, or at a call step when the called flow's outcome ends it too.
            case var _ when mode == ModeHelpful:
                turn.Send(turn.Text("WasGuideHelpful"), buttons);
                break;
            case AskStep ask:
                turn.Send(ask.Question.For(turn.Language), buttons);
                break;
            case InformStep inform:
                turn.Send(Compose(turn, inform, Answers(state)), buttons);
                break;
            case DoStep @do:
                turn.Send((mode == ModeStuck ? @do.Stuck : @do.Instruction).For(turn.Language), buttons);
                break;
        }
    }

    /// <summary>The buttons of the step as it stands (answering, stuck, or asked whether the guide helped).</summary>
    private IEnumerable<CardAction> StepButtons(TurnContext turn, FlowDefinition flow, StepDefinition step, JsonObject state)
    {
        var mode = (string?)state["mode"];
        return step switch
        {
            _ when mode == ModeHelpful => Buttons(turn, Labels.Helpful, Labels.NotHelpful),
            AskStep ask => ask.Choices.Select(c => CardAction.ImBack(c.Label.For(turn.Language))),
            InformStep inform => Buttons(turn, Labels.Continue).Concat(LinkButtons(turn, flow, inform.Links, state)),
            DoStep @do when mode == ModeStuck => Buttons(turn, Labels.Worked, Labels.StillStuck).Concat(LinkButtons(turn, flow, @do.Links, state)),
            DoStep @do => Buttons(turn, Labels.Done, Labels.Stuck).Concat(LinkButtons(turn, flow, @do.Links, state)),
            _ => [],
        };
    }

    private string Compose(TurnContext turn, InformStep inform, IReadOnlyDictionary<string, int> answers)
    {
        var text = new StringBuilder(inform.Text.For(turn.Language));
        foreach (var document in inform.Documents.Where(d => d.Applies(answers)))
        {
            text.Append("\n• ").Append(document.Text.For(turn.Language));
        }
        if (inform.Fee is { } fee)
        {
            if (fee.OnlineFor(options.Province) is { } online)
            {
                text.Append('\n').Append(turn.Text("FeeOnline")).Append(online.For(turn.Language));
            }
            if (fee.InPerson is { } inPerson)
            {
                text.Append('\n').Append(turn.Text("FeePerson")).Append(inPerson.For(turn.Language));
            }
        }
        if (inform.Time is { } time)
        {
            text.Append('\n').Append(turn.Text("ProcessingTime")).Append(time.For(turn.Language));
        }
        return text.ToString();
    }

    private IEnumerable<CardAction> LinkButtons(TurnContext turn, FlowDefinition flow, IReadOnlyList<FlowLink> links, JsonObject state) =>
        links.Select(link => new CardAction
        {
            Type = CardActionTypes.OpenUrl,
            Title = link.Label.For(turn.Language),
            Value = $"{options.PublicBaseUrl.TrimEnd('/')}/go/{Uri.EscapeDataString(link.Id)}?c={turn.State.AnalyticsId}&r={(string)state["run"]!}&ch={Uri.EscapeDataString(turn.Channel)}",
        });

    private static IReadOnlyDictionary<string, int> Answers(JsonObject state) =>
        ((JsonObject)state["answers"]!).ToDictionary(kv => kv.Key, kv => (int)kv.Value!, StringComparer.Ordinal);

    /// <summary>0-based index of the label the text names (in either language), or -1.</summary>
    private static int Match(string text, IReadOnlyList<LocalizedText> labels)
    {
        var vi = ChoiceRecognizer.Recognize(text, labels.Select(l => l.Vi).ToList());
        if (vi.Found)
        {
            return vi.Index;
        }
        var en = ChoiceRecognizer.Recognize(text, labels.Select(l => l.En ?? l.Vi).ToList());
        return en.Found ? en.Index : -1;
    }

    private static IEnumerable<CardAction> Buttons(TurnContext turn, params LocalizedText[] labels) =>
        labels.Select(l => CardAction.ImBack(l.For(turn.Language)));

    private static void Record(TurnContext turn, JsonObject state, string kind, string? stepId, Dictionary<string, string>? properties = null) =>
        turn.Record(kind, (string)state["flow"]!, stepId, properties, (string)state["run"]!, (string)state["version"]!);

    /// <summary>The fixed buttons of flow steps.</summary>
    private static class Labels
    {
        public static readonly LocalizedText Continue = BotTexts.Pair("Continue");
        public static readonly LocalizedText Done = BotTexts.Pair("Done");
        public static readonly LocalizedText Stuck = BotTexts.Pair("ImStuck");
        public static readonly LocalizedText Worked = BotTexts.Pair("Worked");
        public static readonly LocalizedText StillStuck = BotTexts.Pair("StillStuck");
        public static readonly LocalizedText Yes = BotTexts.Pair("Yes");
        public static readonly LocalizedText No = BotTexts.Pair("No");
        public static readonly LocalizedText Helpful = BotTexts.Pair("YesHelpful");
        public static readonly LocalizedText NotHelpful = BotTexts.Pair("NotReally");
        public static readonly LocalizedText RemindMe = BotTexts.Pair("RemindMeLater");
        public static readonly LocalizedText NoReminder = BotTexts.Pair("NoReminder");
    }
}
