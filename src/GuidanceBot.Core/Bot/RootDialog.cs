using System.Text.Json.Nodes;
using GuidanceBot.Activities;
using GuidanceBot.Analytics;
using GuidanceBot.Content;
using GuidanceBot.Dialogs;
using GuidanceBot.Engine;
using GuidanceBot.Language;
using GuidanceBot.Places;
using GuidanceBot.Texts;

namespace GuidanceBot.Bot;

/// <summary>
/// The router at the bottom of every conversation: greets with a menu grouped by topic, handles the global commands at
/// any step, offers to resume an unfinished flow to a citizen who comes back, and reads free text when nothing runs —
/// acts answered, fact questions answered for the procedure they name, out-of-scope questions answered honestly, a
/// strong match started and named, a medium one confirmed, the rest "not understood" with the closest flows. It never
/// ends: after a guide it offers the menu again.
/// </summary>
public sealed class RootDialog : ComponentDialog
{
    public const string DialogId = "root";
    private const string ResumeOffered = "resumeOffered";
    private const string LanguageDetected = "languageDetected";
    private const string PendingQuestions = "pendingQuestions";

    // Detectors report a confidence in [0, 1]; below this an English-looking message is answered in Vietnamese.
    private const double SwitchToEnglishFrom = 0.9;

    private static readonly LocalizedText ResumeLabel = BotTexts.Pair("Continue");
    private static readonly LocalizedText OtherLabel = BotTexts.Pair("SomethingElse");
    private static readonly LocalizedText ReadinessTitle = ReadinessCheckDialog.Title;

    private readonly Func<FlowCatalog> _catalog;
    private readonly BotOptions _options;
    private readonly ITextAnalyzer _analyzer;
    private readonly MessageReader _reader;
    private readonly ActReplies _acts;
    private readonly CommuneConversation? _communes;

    /// <param name="places">The province's communes, for the citizen's commune in the conversation; null for a bot without them.</param>
    public RootDialog(Func<FlowCatalog> catalog, IIntentRecognizer intents, BotOptions options, ITextAnalyzer analyzer, PlaceDirectory? places = null)
        : base(DialogId)
    {
        _catalog = catalog;
        _options = options;
        _analyzer = analyzer;
        _reader = new MessageReader(catalog, intents, options);
        _acts = new ActReplies(options);
        _communes = places is null ? null : new CommuneConversation(places, catalog, options);
        AddDialog(new FlowDialog(catalog, options, _reader, _communes));
        AddDialog(new ReadinessCheckDialog());
        AddDialog(new FlowOfferDialog(catalog));
        AddDialog(new ConfirmPrompt(FlowDialog.YesNoPromptId));
        AddDialog(new ChoicePrompt(FlowOfferDialog.ChoicePromptId));
    }

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        dc.ActiveDialog!.Dialogs = [];
        if (dc.Turn.Activity.IsMessage && !string.IsNullOrWhiteSpace(dc.Turn.Activity.Text))
        {
            // The first thing the citizen did was to write: answer it rather than greet.
            return ContinueAsync(dc, cancellationToken);
        }
        Greet(dc.Turn);
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext inner, CancellationToken cancellationToken)
    {
        var turn = inner.Turn;
        var memory = turn.State.Memory;
        var running = LastRun(turn, inner.Stack);

        if (!turn.Activity.IsMessage)
        {
            if (turn.Activity.Type == ActivityTypes.ConversationUpdate)
            {
                if (inner.ActiveDialog is not null)
                {
                    OfferResume(turn, running);
                }
                else
                {
                    Greet(turn);
                }
            }
            return DialogTurnResult.Waiting;
        }

        var text = turn.Activity.Text ?? "";
        if (memory[ResumeOffered] is not null && inner.ActiveDialog is not null && IsOnlySmallTalk(text) is { } act)
        {
            // "Chào ad, mình quay lại rồi" to "Lần trước bạn dừng ở …?" is not a no: greet back and ask again.
            turn.Record(EventKinds.Act, properties: new Dictionary<string, string> { ["act"] = act.Name() });
            var (offer, offerButtons) = ResumeOffer(_catalog(), running, turn.Language);
            turn.Send((act == ConversationalAct.Greeting ? turn.Text("Hello") : "") + offer, offerButtons);
            return DialogTurnResult.Waiting;
        }
        if (memory[ResumeOffered] is not null)
        {
            memory.Remove(ResumeOffered);
            if (inner.ActiveDialog is not null && IsYes(text, ResumeLabel))
            {
                if (running is not null)
                {
                    // The sweep may have recorded the run as abandoned: say so on the resumed event, and only here.
                    var afterAbandoned = running.Abandoned;
                    running.Abandoned = false;
                    turn.Record(EventKinds.FlowResumed, running.Flow, running.Step, runId: running.Run, contentVersion: running.Version,
                        properties: afterAbandoned ? new Dictionary<string, string> { ["after"] = "abandoned" } : null);
                    ResumeReminders.RecordResumed(turn, inner.Stack);
                }
                await inner.RepromptDialogAsync(cancellationToken);
                return DialogTurnResult.Waiting;
            }
            await inner.CancelAllDialogsAsync(cancellationToken);
            if (IsLabel(text, OtherLabel) || ConfirmRecognizer.Recognize(text) == false)
            {
                turn.Send(turn.Text("WhatDoNeedDo"), TopicMenu.Buttons(turn));
                return DialogTurnResult.Waiting;
            }
            return await RouteAsync(inner, text, cancellationToken);
        }
        if (inner.ActiveDialog is not null && turn.State.LastActivityAt is { } last && turn.Now - last > _options.ResumeAfter)
        {
            OfferResume(turn, running);
            return DialogTurnResult.Waiting;
        }

        switch (GlobalCommands.Recognize(text))
        {
            case GlobalCommand.Cancel:
                await inner.CancelAllDialogsAsync(cancellationToken);
                turn.Send(turn.Text("StoppedWhatElseCanHelp"), TopicMenu.Buttons(turn));
                return DialogTurnResult.Waiting;
            case GlobalCommand.Restart:
                await inner.CancelAllDialogsAsync(cancellationToken);
                Greet(turn);
                return DialogTurnResult.Waiting;
            case GlobalCommand.Handoff:
                return await HandOffAsync(inner, running, cancellationToken);
            case GlobalCommand.English or GlobalCommand.Vietnamese:
                turn.State.Language = GlobalCommands.Recognize(text) == GlobalCommand.English ? "en" : "vi";
                turn.Send(turn.Text("WillAnswerEnglish"));
                if (inner.ActiveDialog is null)
                {
                    turn.Send(turn.Text("WhatDoNeedDo"), TopicMenu.Buttons(turn));
                }
                else
                {
                    await inner.RepromptDialogAsync(cancellationToken);
                }
                return DialogTurnResult.Waiting;
            // Inside a flow, the flow gives the step's own help.
            case GlobalCommand.Help when running is not { Ended: false }:
                turn.Send(turn.Text("TapButtonTypeQuestionE"));
                if (inner.ActiveDialog is null)
                {
                    turn.Send(turn.Text("WhatDoNeedDo"), TopicMenu.Buttons(turn));
                }
                else
                {
                    await inner.RepromptDialogAsync(cancellationToken);
                }
                return DialogTurnResult.Waiting;
            case GlobalCommand.Back when inner.ActiveDialog is null:
                turn.Send(turn.Text("AtMainMenu"), TopicMenu.Buttons(turn));
                return DialogTurnResult.Waiting;
        }

        if (inner.ActiveDialog is not null)
        {
            return await inner.ContinueDialogAsync(cancellationToken);
        }
        return await RouteAsync(inner, text, cancellationToken);
    }

    /// <summary>A dialog on the inner stack ended: do what it asks (start, switch, read the message again), or offer the menu after a guide.</summary>
    protected override async Task<DialogTurnResult> EndComponentAsync(DialogContext outer, JsonNode? result, CancellationToken cancellationToken)
    {
        var inner = InnerContext(outer, outer.ActiveDialog!);
        var turn = outer.Turn;
        var request = RouterRequest.From(result);
        switch (request)
        {
            case { Start: { } start } when _catalog().Find(start) is not null:
                return await StartAsync(inner, start, announce: true, greeted: false, TakePending(turn, request.Questions ?? []), cancellationToken);
            case { SwitchTo: { } target } when _catalog().Find(target) is not null:
                return await inner.BeginDialogAsync(FlowDialog.DialogId, new FlowStart(target).ToJson(), cancellationToken);
            case { Reroute: true }:
                return await RouteAsync(inner, turn.Activity.Text ?? "", cancellationToken);
            case not null:
                return DialogTurnResult.Waiting;
        }
        AnythingElse(turn);
        return DialogTurnResult.Waiting;
    }

    private static void AnythingElse(TurnContext turn) => turn.Send(turn.Text("AnythingElseCanGuideThrough"), TopicMenu.Buttons(turn));

    /// <summary>Free text or a menu tap with nothing running.</summary>
    private async Task<DialogTurnResult> RouteAsync(DialogContext inner, string text, CancellationToken cancellationToken)
    {
        var turn = inner.Turn;
        var catalog = _catalog();
        var canonical = VietnameseText.Canonical(text);

        if (TopicMenu.Find(canonical) is { } topic)
        {
            var buttons = catalog.Flows.Where(f => f.Topic == topic.Id).Select(f => f.Title).ToList();
            if (topic.Id == Topics.Accounts)
            {
                buttons.Add(ReadinessTitle);
            }
            turn.Send(turn.Text("PickOne", topic.Title.For(turn.Language)), buttons.Take(5).Select(t => CardAction.ImBack(t.For(turn.Language))));
            return DialogTurnResult.Waiting;
        }
        if (TopicMenu.IsTitle(canonical, ReadinessTitle))
        {
            return await inner.BeginDialogAsync(ReadinessCheckDialog.DialogId, null, cancellationToken);
        }
        if (catalog.Flows.FirstOrDefault(f => TopicMenu.IsTitle(canonical, f.Title)) is { } byTitle)
        {
            return await StartAsync(inner, byTitle.Id, announce: false, greeted: false, TakePending(turn, []), cancellationToken);
        }

        await AnswerInTheirLanguageAsync(turn, text, cancellationToken);
        var reading = _reader.Read(text);
        switch (_communes?.TryAnswer(turn, reading, _reader.StrongFlow(reading) is not null, null, []))
        {
            case CommuneReply.Answered:
                AnythingElse(turn);
                return DialogTurnResult.Waiting;
            case CommuneReply.Asking:
                return DialogTurnResult.Waiting;
        }
        var route = _reader.Decide(reading);
        var pending = TakePending(turn, route.Reading.Cues.Questions);
        switch (route.Kind)
        {
            case RouteKind.Act:
                var act = route.Act!.Value;
                turn.Record(EventKinds.Act, properties: new Dictionary<string, string> { ["act"] = act.Name() });
                var (reply, replyButtons) = _acts.AtTheMenu(turn, act, route.Greeted);
                turn.Send(reply, replyButtons);
                return DialogTurnResult.Waiting;
            case RouteKind.Question:
                var questions = CueRecognizer.InFactOrder(route.Reading.Cues.Questions).ToList();
                foreach (var question in questions)
                {
                    RecordQuestion(turn, question, null, "which-procedure");
                }
                turn.State.Memory[PendingQuestions] = new JsonArray([.. questions.Select(q => JsonValue.Create(q))]);
                turn.Send(turn.Text("WhichProcedureQuestion"), TopicMenu.Buttons(turn));
                return DialogTurnResult.Waiting;
            case RouteKind.Start:
                return await StartAsync(inner, route.Flow!.Id, announce: true, route.Greeted, pending, cancellationToken);
            case RouteKind.Confirm:
                return await inner.BeginDialogAsync(FlowOfferDialog.DialogId,
                    ToJson(new FlowOffer([.. route.Flows.Select(f => f.Id)], pending)), cancellationToken);
            case RouteKind.OutOfScope:
                var topicAnswer = route.Topic!;
                turn.Record(EventKinds.OutOfScope, properties: new Dictionary<string, string>
                {
                    ["topic"] = topicAnswer.Id,
                    [TurnEngine.TextProperty] = Redactor.Redact(text),
                });
                var links = new StepRenderer(_options).Links(turn, topicAnswer.Links, null).ToList();
                turn.Send(topicAnswer.Answer.For(turn.Language), links.Count > 0 ? links : TopicMenu.Buttons(turn));
                return DialogTurnResult.Waiting;
        }

        var closest = route.Flows;
        turn.Record(EventKinds.NotUnderstood, properties: new Dictionary<string, string>
        {
            [TurnEngine.TextProperty] = Redactor.Redact(text),
            ["offered"] = string.Join(",", closest.Select(f => f.Id)),
        });
        if (closest.Count > 0)
        {
            turn.Send(turn.Text("SorryImNotSureWhat"),
                closest.Select(f => CardAction.ImBack(f.Title.For(turn.Language))));
        }
        else
        {
            turn.Send(turn.Text("SorryDidNotUnderstandPick"), TopicMenu.Buttons(turn));
        }
        return DialogTurnResult.Waiting;
    }

    private static Task<DialogTurnResult> StartAsync(DialogContext inner, string flowId, bool announce, bool greeted, IReadOnlyList<string> questions,
        CancellationToken cancellationToken) =>
        inner.BeginDialogAsync(FlowDialog.DialogId, new FlowStart(flowId, Announce: announce, Greeted: greeted, Questions: questions).ToJson(), cancellationToken);

    /// <summary>The fact questions asked before a procedure was named ("bao nhiêu tiền?" → "which one?"), forgotten once read.</summary>
    private static IReadOnlyList<string> TakePending(TurnContext turn, IReadOnlyList<string> also)
    {
        var pending = turn.State.Memory[PendingQuestions] is JsonArray asked
            ? asked.Select(q => (string?)q).OfType<string>().Where(FactNames.IsKnown).ToList()
            : [];
        turn.State.Memory.Remove(PendingQuestions);
        return [.. pending.Concat(also).Distinct()];
    }

    private static void RecordQuestion(TurnContext turn, string question, string? flowId, string answered) =>
        turn.Record(EventKinds.QuestionAsked, flowId, properties: new Dictionary<string, string> { ["question"] = question, ["answered"] = answered });

    private static JsonNode ToJson(FlowOffer offer) => System.Text.Json.JsonSerializer.SerializeToNode(offer, BotStateJson.Default.FlowOffer)!;

    /// <summary>
    /// Until the citizen or the page chose a language, the first free text whose language is clear decides it: English
    /// with high confidence switches the conversation to English (as the "English" command does); anything else keeps
    /// Vietnamese. Texts too short to tell (button taps, "ok") leave it open for the next one.
    /// </summary>
    private async Task AnswerInTheirLanguageAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        if (turn.State.Language is not null || turn.IsEnglish || turn.State.Memory[LanguageDetected] is not null)
        {
            return;
        }
        var detected = await _analyzer.DetectLanguageAsync(text, cancellationToken);
        if (detected.IsUnknown)
        {
            return;
        }
        turn.State.Memory[LanguageDetected] = true;
        if (detected.IsEnglish(SwitchToEnglishFrom))
        {
            turn.State.Language = "en";
            turn.Send(turn.Text("AnsweringInEnglish"));
        }
    }

    private async Task<DialogTurnResult> HandOffAsync(DialogContext inner, FlowRun? running, CancellationToken cancellationToken)
    {
        var turn = inner.Turn;
        if (running is not { Ended: false })
        {
            turn.Record(EventKinds.HandedOff);
        }
        // Each running flow records its own handoff as it leaves the stack.
        turn.Items[FlowDialog.EndReasonItem] = "handed-off";
        await inner.CancelAllDialogsAsync(cancellationToken);
        turn.Send(turn.Text("CallHotlineFreeTalkStaff", _options.Hotline),
            TopicMenu.Buttons(turn));
        return DialogTurnResult.Waiting;
    }

    private void OfferResume(TurnContext turn, FlowRun? running)
    {
        MarkResumeOffered(turn.State);
        var (text, buttons) = ResumeOffer(_catalog(), running, turn.Language);
        turn.Send(text, buttons);
    }

    /// <summary>The innermost flow run on the stack as this turn sees it, ended or not.</summary>
    private static FlowRun? LastRun(TurnContext turn, IEnumerable<DialogInstance> stack) =>
        stack.Select(i => FlowRun.In(turn, i)).LastOrDefault(r => r is not null);

    /// <summary>Makes the conversation's next message the answer to a resume offer (sent by a turn or by a reminder).</summary>
    public static void MarkResumeOffered(ConversationState state) => state.Memory[ResumeOffered] = true;

    /// <summary>"Last time you stopped at step … of …. Continue?" with Continue / Something else.</summary>
    public static (string Text, IReadOnlyList<CardAction> Buttons) ResumeOffer(FlowCatalog catalog, FlowRun? running, string language)
    {
        var flow = running is null ? null : catalog.Find(running.Flow);
        var where = StepRenderer.Headline(flow?.FindStep(running!.Step), language);
        var title = (flow?.Title ?? ReadinessTitle).For(language);
        var text = where is null
            ? BotTexts.Get(language, "ResumeOfferFlow", title)
            : BotTexts.Get(language, "ResumeOfferStep", where, title);
        return (text, [CardAction.ImBack(ResumeLabel.For(language)), CardAction.ImBack(OtherLabel.For(language))]);
    }

    private static void Greet(TurnContext turn) => turn.Send(ActReplies.Welcome(turn), TopicMenu.Buttons(turn));

    private static bool IsLabel(string text, LocalizedText label) => TopicMenu.IsTitle(VietnameseText.Canonical(text), label);

    private static bool IsYes(string text, LocalizedText label) => IsLabel(text, label) || ConfirmRecognizer.Recognize(text) == true;

    /// <summary>The act of a message that is only a greeting, thanks or a question about the bot: no answer to a yes/no offer.</summary>
    private static ConversationalAct? IsOnlySmallTalk(string text)
    {
        var cues = CueRecognizer.Read(text);
        var act = cues.IsOnlyActs ? ConversationalActs.Main(cues.Acts) : (ConversationalAct?)null;
        return act is ConversationalAct.Greeting or ConversationalAct.Thanks or ConversationalAct.WhoAreYou or ConversationalAct.WhatCanYouDo
            && ConfirmRecognizer.Recognize(text) is null
            ? act
            : null;
    }
}
