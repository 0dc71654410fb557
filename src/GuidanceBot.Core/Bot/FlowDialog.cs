using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GuidanceBot.Activities;
using GuidanceBot.Analytics;
using GuidanceBot.Content;
using GuidanceBot.Dialogs;
using GuidanceBot.Engine;
using GuidanceBot.Language;
using GuidanceBot.Texts;

namespace GuidanceBot.Bot;

/// <summary>
/// Runs any flow from dialogs/ on the dialog stack, one step at a time, its state a typed <see cref="FlowRun"/>: reads the
/// citizen's answer to the step; answers acts and fact questions the step does not take, then shows the step again;
/// asks its side questions (switch, stuck, helpful, reminder) through prompts on the stack; runs called flows and
/// branches on their outcome. Rendering is <see cref="StepRenderer"/>'s. Reads the flow from the current catalog every
/// turn, so edited content takes effect without a restart.
/// </summary>
public sealed class FlowDialog : Dialog
{
    public const string DialogId = "flow";

    /// <summary>The yes/no prompt the side questions use; registered by the dialog that holds flows (the root).</summary>
    public const string YesNoPromptId = "flow-yes-no";

    /// <summary>Set in <see cref="TurnContext.Items"/> before cancelling the stack, to say why runs end.</summary>
    public const string EndReasonItem = "flow-end-reason";

    private readonly Func<FlowCatalog> _catalog;
    private readonly BotOptions _options;
    private readonly MessageReader _reader;
    private readonly StepRenderer _renderer;
    private readonly FactAnswers _facts;
    private readonly ActReplies _acts;
    private readonly CommuneConversation? _communes;

    /// <param name="communes">The citizen's commune in the conversation; null where no place file is loaded.</param>
    public FlowDialog(Func<FlowCatalog> catalog, BotOptions options, MessageReader reader, CommuneConversation? communes = null) : base(DialogId)
    {
        _communes = communes;
        _catalog = catalog;
        _options = options;
        _reader = reader;
        _renderer = new StepRenderer(options);
        _facts = new FactAnswers(options, _renderer);
        _acts = new ActReplies(options);
    }

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? beginOptions, CancellationToken cancellationToken)
    {
        var start = FlowStart.From(beginOptions);
        var flow = _catalog().Find(start.Flow) ?? throw new InvalidOperationException($"No flow '{start.Flow}' is loaded.");
        var turn = dc.Turn;
        var run = new FlowRun
        {
            Flow = flow.Id,
            Run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Version = flow.ContentVersion,
            Called = start.Called,
        };
        FlowRun.Start(turn, dc.ActiveDialog!, run);
        var started = start.Called ? new Dictionary<string, string> { ["called"] = "true" } : [];
        CommuneConversation.Stamp(turn, started);
        Record(turn, run, EventKinds.FlowStarted, null, started.Count > 0 ? started : null);
        if (start.Announce)
        {
            turn.Send((start.Greeted ? turn.Text("Hello") : "") + turn.Text("FlowAnnounce", flow.Title.For(turn.Language)));
        }
        foreach (var question in CueRecognizer.InFactOrder(start.Questions ?? []))
        {
            AnswerQuestion(turn, run, flow, question, aboutAnother: false);
        }
        return EnterAsync(dc, run, flow, flow.Start, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        if (!turn.Activity.IsMessage)
        {
            return DialogTurnResult.Waiting;
        }
        if (FlowRun.In(turn, dc.ActiveDialog!) is not { } run)
        {
            turn.Send(turn.Text("CannotContinueGuide"));
            return await dc.EndDialogAsync(null, cancellationToken);
        }
        ResumeIfAbandoned(turn, run);
        var flow = _catalog().Find(run.Flow);
        if (flow is null)
        {
            turn.Send(turn.Text("GuideNoLongerAvailablePick"));
            return await dc.EndDialogAsync(null, cancellationToken);
        }
        if (flow.FindStep(run.Step) is not { } step)
        {
            // The content was edited under this conversation and the step is gone: start the flow's new version.
            turn.Send(turn.Text("GuideWasJustUpdatedLets"));
            return await dc.ReplaceDialogAsync(DialogId, new FlowStart(flow.Id, run.Called).ToJson(), cancellationToken);
        }
        run.Version = flow.ContentVersion;
        return await ReadAnswerAsync(dc, run, flow, step, turn.Activity.Text ?? "", cancellationToken);
    }

    /// <summary>A called flow or a side question's prompt ended: branch on the flow's outcome, or on the answer.</summary>
    public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, DialogReason reason, JsonNode? result, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        if (FlowRun.In(turn, dc.ActiveDialog!) is not { } run)
        {
            return await dc.EndDialogAsync(null, cancellationToken);
        }
        ResumeIfAbandoned(turn, run);
        if (RouterRequest.From(result) is not null)
        {
            // A flow this one called asks the router to switch or to read the message: pass it up.
            return await dc.EndDialogAsync(result, cancellationToken);
        }
        var flow = _catalog().Find(run.Flow);
        var step = flow?.FindStep(run.Step);
        var asking = run.Asking;
        run.Asking = null;
        if (flow is null || step is null)
        {
            return await dc.EndDialogAsync(null, cancellationToken);
        }
        var answer = asking is null || reason == DialogReason.PassedOn ? null : (bool?)result;
        var text = turn.Activity.Text ?? "";
        switch (asking)
        {
            case FlowAsking.Switch when answer == true:
                turn.Items[EndReasonItem] = "replaced";
                return await dc.EndDialogAsync(new RouterRequest(SwitchTo: run.SwitchTo).ToJson(), cancellationToken);
            case FlowAsking.Switch when answer == false:
                run.SwitchTo = null;
                turn.Send(turn.Text("OKLetsCarry"));
                return await ShowAsync(dc, run, flow, step, cancellationToken);
            case FlowAsking.Stuck when answer == true:
                Record(turn, run, EventKinds.StepAnswered, step.Id, new() { ["answer"] = "done" });
                return await EnterAsync(dc, run, flow, ((DoStep)step).Next, cancellationToken);
            case FlowAsking.Stuck when answer == false:
                Record(turn, run, EventKinds.StepAnswered, step.Id, new() { ["answer"] = "still-stuck" });
                return await AskStuckAsync(dc, run, (DoStep)step, turn.Text("StepHardManyPeopleCall", _options.Hotline), cancellationToken);
            case FlowAsking.Helpful when answer is { } helpful:
                Record(turn, run, EventKinds.HelpfulAnswered, step.Id, new() { ["helpful"] = helpful ? "yes" : "no" });
                turn.Send(helpful
                    ? turn.Text("ThankGoodLuckWithApplication")
                    : turn.Text("ThanksTellingUsStaffWill", _options.Hotline));
                return await dc.EndDialogAsync(JsonValue.Create(run.Outcome), cancellationToken);
            case FlowAsking.Helpful:
                // Not an answer to the question: the citizen has moved on; let the router read the message.
                return await dc.EndDialogAsync(new RouterRequest(Reroute: true).ToJson(), cancellationToken);
            case FlowAsking.Reminder when answer is { } remind:
                return AnswerReminder(turn, run, step, remind);
            case FlowAsking.Switch or FlowAsking.Stuck or FlowAsking.Reminder:
                // Passed on: the citizen answered the step (or asked something) instead.
                run.SwitchTo = null;
                return await ReadAnswerAsync(dc, run, flow, step, text, cancellationToken);
        }
        return step is CallStep call
            ? await ReturnFromCallAsync(dc, run, flow, call, (string?)result, cancellationToken)
            : await dc.EndDialogAsync(null, cancellationToken);
    }

    public override Task RepromptAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken)
    {
        if (FlowRun.In(dc.Turn, instance) is { } run && _catalog().Find(run.Flow) is { } flow && flow.FindStep(run.Step) is { } step)
        {
            _renderer.Show(dc.Turn, flow, step, run);
        }
        return Task.CompletedTask;
    }

    public override Task EndAsync(DialogContext dc, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        // A run ends once: a completed run, or one the sweep already recorded as abandoned, records nothing more.
        if (FlowRun.In(dc.Turn, instance) is not { Ended: false, Abandoned: false } run)
        {
            return Task.CompletedTask;
        }
        var why = dc.Turn.Items.GetValueOrDefault(EndReasonItem) as string;
        var kind = reason == DialogReason.ReplaceCalled || why == "replaced"
            ? EventKinds.FlowReplaced
            : why == "handed-off" ? EventKinds.HandedOff : EventKinds.FlowCancelled;
        Record(dc.Turn, run, kind, run.Step);
        return Task.CompletedTask;
    }

    /// <summary>The citizen's message at a step: a global command, an answer the step takes, or else something to answer before showing the step again.</summary>
    private async Task<DialogTurnResult> ReadAnswerAsync(DialogContext dc, FlowRun run, FlowDefinition flow, StepDefinition step, string text, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        switch (GlobalCommands.Recognize(text))
        {
            case GlobalCommand.Back:
                return await BackAsync(dc, run, flow, step, cancellationToken);
            case GlobalCommand.Help:
                turn.Send(step.Help is { } help
                    ? help.For(turn.Language)
                    : turn.Text("TapButtonBelowAnswerType"));
                return await ShowAsync(dc, run, flow, step, cancellationToken);
        }
        switch (step)
        {
            case AskStep ask when Match(text, ask.Choices.Select(c => c.Label).ToList()) is var choice and >= 0:
                run.Answers[ask.Id] = choice + 1;
                Record(turn, run, EventKinds.StepAnswered, ask.Id, new() { ["choice"] = (choice + 1).ToString(CultureInfo.InvariantCulture) });
                return await EnterAsync(dc, run, flow, ask.Choices[choice].Next, cancellationToken);
            case InformStep inform when Match(text, [FlowLabels.Continue]) == 0 || ConfirmRecognizer.Recognize(text) == true:
                Record(turn, run, EventKinds.StepAnswered, inform.Id, new() { ["answer"] = "continue" });
                return await EnterAsync(dc, run, flow, inform.Next, cancellationToken);
            case DoStep @do:
                var done = Match(text, [FlowLabels.Done, FlowLabels.Stuck]) switch
                {
                    0 => true,
                    1 => false,
                    _ => ConfirmRecognizer.Recognize(text),
                };
                if (done == true)
                {
                    Record(turn, run, EventKinds.StepAnswered, @do.Id, new() { ["answer"] = "done" });
                    return await EnterAsync(dc, run, flow, @do.Next, cancellationToken);
                }
                if (done == false)
                {
                    Record(turn, run, EventKinds.StepAnswered, @do.Id, new() { ["answer"] = "stuck" });
                    return await AskStuckAsync(dc, run, @do, null, cancellationToken);
                }
                break;
        }
        return await InterruptAsync(dc, run, flow, step, text, cancellationToken);
    }

    /// <summary>
    /// A message the step does not take: fact questions are answered for this flow (or the one they name), a strong match
    /// for another flow asks to switch, an out-of-scope question gets its answer, acts get a fitting line; then the step
    /// again. Anything else is not understood.
    /// </summary>
    private async Task<DialogTurnResult> InterruptAsync(DialogContext dc, FlowRun run, FlowDefinition flow, StepDefinition step, string text, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var reading = _reader.Read(text);
        var cues = reading.Cues;
        var other = _reader.StrongFlow(reading, except: flow.Id);
        if (_communes is not null)
        {
            var runs = FlowRun.Open(dc.Stack, i => FlowRun.In(turn, i)).Select(open => open.Run).ToList();
            switch (_communes.TryAnswer(turn, reading, other is not null, flow, runs))
            {
                case CommuneReply.Answered:
                    return await ShowAsync(dc, run, flow, step, cancellationToken);
                case CommuneReply.Asking:
                    return DialogTurnResult.Waiting;
            }
        }
        if (cues.Questions.Count > 0 && (!cues.HasContent || _reader.OutOfScope(reading) is null))
        {
            foreach (var question in CueRecognizer.InFactOrder(cues.Questions))
            {
                AnswerQuestion(turn, run, other ?? flow, question, aboutAnother: other is not null);
            }
            return await ShowAsync(dc, run, flow, step, cancellationToken);
        }
        if (cues.HasContent)
        {
            if (other is not null)
            {
                return await AskSwitchAsync(dc, run, flow, other, cancellationToken);
            }
            if (_reader.OutOfScope(reading) is { } topic)
            {
                Record(turn, run, EventKinds.OutOfScope, step.Id, new() { ["topic"] = topic.Id, [TurnEngine.TextProperty] = Redactor.Redact(text) });
                turn.Send(topic.Answer.For(turn.Language), _renderer.Links(turn, topic.Links, run));
                return await ShowAsync(dc, run, flow, step, cancellationToken);
            }
            if (_reader.StrongFlow(reading) is { } same && same.Id == flow.Id)
            {
                turn.Send(turn.Text("AlreadyInFlow", flow.Title.For(turn.Language)));
                return await ShowAsync(dc, run, flow, step, cancellationToken);
            }
        }
        if (cues.Acts.Count > 0)
        {
            var act = ConversationalActs.Main(cues.Acts);
            Record(turn, run, EventKinds.Act, step.Id, new() { ["act"] = act.Name() });
            turn.Send(_acts.InFlow(turn, act, flow));
            return await ShowAsync(dc, run, flow, step, cancellationToken);
        }
        return await NotUnderstoodAsync(dc, run, flow, step, text, cancellationToken);
    }

    /// <summary>Answers one fact question for this run's flow, or for another flow the message named; records it at the run's step.</summary>
    private void AnswerQuestion(TurnContext turn, FlowRun run, FlowDefinition flow, string question, bool aboutAnother)
    {
        var (answer, answered) = _facts.Answer(turn, flow, question, aboutAnother ? null : run, nameTheFlow: aboutAnother);
        var properties = new Dictionary<string, string> { ["question"] = question, ["answered"] = answered };
        if (aboutAnother)
        {
            properties["about"] = flow.Id;
        }
        Record(turn, run, EventKinds.QuestionAsked, run.Step.Length > 0 ? run.Step : null, properties);
        turn.Send(answer);
        if (question == FactNames.Where && !aboutAnother)
        {
            _communes?.AtOffice(turn, flow);
        }
    }

    private async Task<DialogTurnResult> NotUnderstoodAsync(DialogContext dc, FlowRun run, FlowDefinition flow, StepDefinition step, string text, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        run.Attempts++;
        Record(turn, run, EventKinds.PromptRetried, step.Id, new() { ["attempt"] = run.Attempts.ToString(CultureInfo.InvariantCulture) });
        Record(turn, run, EventKinds.NotUnderstood, step.Id, new() { [TurnEngine.TextProperty] = Redactor.Redact(text) });
        turn.Send(run.Attempts >= 3
            ? turn.Text("StillDontUnderstandTapButton", _options.Hotline)
            : turn.Text("DidNotUnderstandTapButton"));
        return await ShowAsync(dc, run, flow, step, cancellationToken);
    }

    private async Task<DialogTurnResult> EnterAsync(DialogContext dc, FlowRun run, FlowDefinition flow, string stepId, CancellationToken cancellationToken)
    {
        var step = flow.Step(stepId);
        run.Step = step.Id;
        run.Attempts = 0;
        run.Stuck = false;
        Record(dc.Turn, run, EventKinds.StepEntered, step.Id);
        switch (step)
        {
            case CallStep call:
                return await dc.BeginDialogAsync(DialogId, new FlowStart(call.FlowId, Called: true).ToJson(), cancellationToken);
            case EndStep end:
                return await FinishAsync(dc, run, end.Id, end.Outcome, end.Say, via: null, cancellationToken);
            default:
                if (run.History.Count == 0 || run.History[^1] != step.Id)
                {
                    run.History.Add(step.Id);
                }
                _renderer.Show(dc.Turn, flow, step, run);
                return await OfferReminderAsync(dc, run, step, cancellationToken);
        }
    }

    /// <summary>Shows the step again; a do step whose stuck help is on screen asks its stuck question again.</summary>
    private async Task<DialogTurnResult> ShowAsync(DialogContext dc, FlowRun run, FlowDefinition flow, StepDefinition step, CancellationToken cancellationToken)
    {
        if (step is DoStep @do && run.Stuck)
        {
            return await AskStuckAsync(dc, run, @do, null, cancellationToken);
        }
        _renderer.Show(dc.Turn, flow, step, run);
        return DialogTurnResult.Waiting;
    }

    /// <summary>
    /// The called flow ended: completed goes on to <c>next</c>; any other outcome goes where the call's <c>on:</c> says,
    /// or ends this run with the same outcome at the call step.
    /// </summary>
    private async Task<DialogTurnResult> ReturnFromCallAsync(DialogContext dc, FlowRun run, FlowDefinition flow, CallStep call, string? outcome, CancellationToken cancellationToken)
    {
        // No outcome: the called flow left the content under this run; go on as after a completed call.
        Record(dc.Turn, run, EventKinds.StepAnswered, call.Id, new() { ["answer"] = "returned", ["outcome"] = outcome ?? "none" });
        var target = call.After(outcome ?? Outcomes.Completed);
        return target is null
            ? await FinishAsync(dc, run, call.Id, outcome!, say: null, via: call.FlowId, cancellationToken)
            : await EnterAsync(dc, run, flow, target, cancellationToken);
    }

    /// <summary>
    /// Ends the run with an outcome at an end step, or at a call step whose called flow (<paramref name="via"/>) ended
    /// this way: records it, returns it to the calling flow, or asks a citizen at the top whether the guide helped.
    /// </summary>
    private async Task<DialogTurnResult> FinishAsync(DialogContext dc, FlowRun run, string stepId, string outcome, LocalizedText? say, string? via,
        CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        if (say is not null)
        {
            turn.Send(say.For(turn.Language));
        }
        if (outcome == Outcomes.InPerson && !run.Called && _catalog().Find(run.Flow) is { } flow)
        {
            _communes?.AtOffice(turn, flow);
        }
        var properties = new Dictionary<string, string> { ["outcome"] = outcome };
        if (via is not null)
        {
            properties["via"] = via;
        }
        Record(turn, run, EventKinds.FlowCompleted, stepId, properties);
        run.Outcome = outcome;
        if (run.Called)
        {
            return await dc.EndDialogAsync(JsonValue.Create(outcome), cancellationToken);
        }
        return await AskAsync(dc, run, FlowAsking.Helpful, BotTexts.Pair("WasGuideHelpful"),
            FlowLabels.Helpful, FlowLabels.NotHelpful, cancellationToken);
    }

    private async Task<DialogTurnResult> AskSwitchAsync(DialogContext dc, FlowRun run, FlowDefinition flow, FlowDefinition target, CancellationToken cancellationToken)
    {
        run.SwitchTo = target.Id;
        return await AskAsync(dc, run, FlowAsking.Switch,
            BotTexts.Pair("Switch", l => [flow.Title.For(l), target.Title.For(l)]),
            FlowLabels.Yes, FlowLabels.No, cancellationToken);
    }

    /// <summary>The do step's stuck help (or <paramref name="instead"/>, already in the conversation's language), with "Đã làm được" / "Vẫn chưa được" and the step's links.</summary>
    private async Task<DialogTurnResult> AskStuckAsync(DialogContext dc, FlowRun run, DoStep step, string? instead, CancellationToken cancellationToken)
    {
        run.Stuck = true;
        var turn = dc.Turn;
        turn.State.LastShown = new ShownStep(run.Flow, step.Id, run.Run);
        var question = instead is null ? step.Stuck : new LocalizedText(instead, instead);
        return await AskAsync(dc, run, FlowAsking.Stuck, question, FlowLabels.Worked, FlowLabels.StillStuck, cancellationToken,
            links: _renderer.Links(turn, step.Links, run).ToList());
    }

    /// <summary>
    /// After the first document checklist — when a citizen may well leave to fetch papers — asks "Nhắc tôi tiếp tục sau?",
    /// once per stack of runs, where the channel can send a reminder (<see cref="ResumeReminders.IsOffered"/>).
    /// </summary>
    private async Task<DialogTurnResult> OfferReminderAsync(DialogContext dc, FlowRun run, StepDefinition step, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        if (step is not InformStep inform || !ResumeReminders.IsOffered(turn.Activity) || inform.DocumentsFor(run.Answers).Count == 0
            || dc.Stack.Any(i => FlowRun.In(turn, i)?.Reminder is not null))
        {
            return DialogTurnResult.Waiting;
        }
        run.Reminder = ReminderStatus.Asked;
        return await AskAsync(dc, run, FlowAsking.Reminder,
            BotTexts.Pair("NeedTimeGatherTheseShall"),
            FlowLabels.RemindMe, FlowLabels.NoReminder, cancellationToken, labelsOnly: true);
    }

    /// <summary>A tap on the reminder question's buttons: keep the answer on the run, confirm it, and give back the step's buttons.</summary>
    private DialogTurnResult AnswerReminder(TurnContext turn, FlowRun run, StepDefinition step, bool remind)
    {
        run.Reminder = remind ? ReminderStatus.Yes : ReminderStatus.No;
        Record(turn, run, EventKinds.ReminderAnswered, run.Step, new() { ["remind"] = remind ? "yes" : "no" });
        var reply = turn.Send(remind
                ? turn.Text("OKIfHaveNotCome")
                : turn.Text("OKNoReminder"),
            _renderer.Buttons(turn, step, run));
        if (remind)
        {
            ResumeReminders.MarkRequested(reply);
        }
        return DialogTurnResult.Waiting;
    }

    /// <summary>Asks a side question through the yes/no prompt: its two buttons in the conversation's language; anything else passes on to this run.</summary>
    private static Task<DialogTurnResult> AskAsync(DialogContext dc, FlowRun run, FlowAsking asking, LocalizedText question, LocalizedText yes, LocalizedText no,
        CancellationToken cancellationToken, List<CardAction>? links = null, bool labelsOnly = false)
    {
        run.Asking = asking;
        PromptOptions In(string language) => new()
        {
            Prompt = question.For(language),
            Choices = [yes.For(language), no.For(language)],
            Actions = links,
            PassOn = true,
            LabelsOnly = labelsOnly,
        };
        var options = In("vi");
        options.En = In("en");
        return dc.PromptAsync(YesNoPromptId, options, cancellationToken);
    }

    private async Task<DialogTurnResult> BackAsync(DialogContext dc, FlowRun run, FlowDefinition flow, StepDefinition step, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var history = run.History;
        if (history.Count > 0 && history[^1] == run.Step)
        {
            history.RemoveAt(history.Count - 1);
        }
        if (history.Count == 0)
        {
            history.Add(run.Step);
            turn.Send(turn.Text("FirstStepPartThereNothing"));
            return await ShowAsync(dc, run, flow, step, cancellationToken);
        }
        var previous = history[^1];
        history.RemoveAt(history.Count - 1);
        run.Answers.Remove(previous);
        Record(turn, run, EventKinds.StepAnswered, run.Step, new() { ["answer"] = "back" });
        return await EnterAsync(dc, run, flow, previous, cancellationToken);
    }

    private static void ResumeIfAbandoned(TurnContext turn, FlowRun run)
    {
        if (run.Abandoned)
        {
            run.Abandoned = false;
            Record(turn, run, EventKinds.FlowResumed, run.Step, new() { ["after"] = "abandoned" });
        }
    }

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

    private static void Record(TurnContext turn, FlowRun run, string kind, string? stepId, Dictionary<string, string>? properties = null) =>
        turn.Record(kind, run.Flow, stepId, properties, run.Run, run.Version);
}
