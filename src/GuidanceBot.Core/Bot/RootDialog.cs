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
/// The router at the bottom of every conversation: greets with a menu grouped by topic, starts flows from a tap or
/// free text, handles the global commands at any step, offers to resume an unfinished flow to a citizen who comes back,
/// and answers "not understood" with the closest flows. It never ends: after a guide it offers the menu again.
/// </summary>
public sealed class RootDialog : ComponentDialog
{
    public const string DialogId = "root";
    private const string ResumeOffered = "resumeOffered";
    private const string LanguageDetected = "languageDetected";

    // Detectors report a confidence in [0, 1]; below this an English-looking message is answered in Vietnamese.
    private const double SwitchToEnglishFrom = 0.9;

    private static readonly (string Id, LocalizedText Title)[] Topics =
    [
        ("accounts", BotTexts.Pair("VNeIDAccountLogin")),
        ("civil-status", BotTexts.Pair("BirthDeathMarriage")),
        ("residence", BotTexts.Pair("ResidenceRegistration")),
        ("identity", BotTexts.Pair("IDCardPassportLicenceCriminal")),
        ("jobs-insurance", BotTexts.Pair("VehiclesInsuranceJobs")),
    ];

    private static readonly LocalizedText ResumeLabel = BotTexts.Pair("Continue");
    private static readonly LocalizedText OtherLabel = BotTexts.Pair("SomethingElse");
    private static readonly LocalizedText ReadinessTitle = new(ReadinessCheckDialog.Title.Vi, ReadinessCheckDialog.Title.En);

    private readonly Func<FlowCatalog> _catalog;
    private readonly IIntentRecognizer _intents;
    private readonly BotOptions _options;
    private readonly ITextAnalyzer _analyzer;

    public RootDialog(Func<FlowCatalog> catalog, IIntentRecognizer intents, BotOptions options, ITextAnalyzer analyzer) : base(DialogId)
    {
        _catalog = catalog;
        _intents = intents;
        _options = options;
        _analyzer = analyzer;
        AddDialog(new FlowDialog(catalog, intents, options));
        AddDialog(new ReadinessCheckDialog());
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
        var running = inner.Stack.Select(FlowDialog.PositionOf).LastOrDefault(p => p is not null);

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
        if (memory[ResumeOffered] is not null)
        {
            memory.Remove(ResumeOffered);
            if (inner.ActiveDialog is not null && IsYes(text, ResumeLabel))
            {
                if (running is not null)
                {
                    // The sweep may have recorded the run as abandoned: say so on the resumed event, and only here.
                    var top = inner.Stack.Last(i => FlowDialog.PositionOf(i) is not null);
                    var afterAbandoned = FlowDialog.ClearAbandoned(top);
                    turn.Record(EventKinds.FlowResumed, running.FlowId, running.StepId, runId: running.RunId, contentVersion: running.Version,
                        properties: afterAbandoned ? new Dictionary<string, string> { ["after"] = "abandoned" } : null);
                    ResumeReminders.RecordResumed(turn, inner.Stack);
                }
                await inner.RepromptDialogAsync(cancellationToken);
                return DialogTurnResult.Waiting;
            }
            await inner.CancelAllDialogsAsync(cancellationToken);
            if (IsLabel(text, OtherLabel) || ConfirmRecognizer.Recognize(text) == false)
            {
                turn.Send(turn.Text("WhatDoNeedDo"), TopicButtons(turn));
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
                turn.Send(turn.Text("StoppedWhatElseCanHelp"), TopicButtons(turn));
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
                    turn.Send(turn.Text("WhatDoNeedDo"), TopicButtons(turn));
                }
                else
                {
                    await inner.RepromptDialogAsync(cancellationToken);
                }
                return DialogTurnResult.Waiting;
            case GlobalCommand.Help when inner.ActiveDialog is null or { Id: not FlowDialog.DialogId }:
                turn.Send(turn.Text("TapButtonTypeQuestionE"));
                if (inner.ActiveDialog is null)
                {
                    turn.Send(turn.Text("WhatDoNeedDo"), TopicButtons(turn));
                }
                else
                {
                    await inner.RepromptDialogAsync(cancellationToken);
                }
                return DialogTurnResult.Waiting;
            case GlobalCommand.Back when inner.ActiveDialog is null:
                turn.Send(turn.Text("AtMainMenu"), TopicButtons(turn));
                return DialogTurnResult.Waiting;
        }

        if (inner.ActiveDialog is not null)
        {
            return await inner.ContinueDialogAsync(cancellationToken);
        }
        return await RouteAsync(inner, text, cancellationToken);
    }

    /// <summary>A guide ended: start the flow it asked to switch to, read a message it did not take, or offer the menu.</summary>
    protected override async Task<DialogTurnResult> EndComponentAsync(DialogContext outer, JsonNode? result, CancellationToken cancellationToken)
    {
        var inner = InnerContext(outer, outer.ActiveDialog!);
        var asked = result as JsonObject;
        if ((string?)asked?["switchTo"] is { } target && _catalog().Find(target) is not null)
        {
            return await inner.BeginDialogAsync(FlowDialog.DialogId, FlowDialog.Options(target), cancellationToken);
        }
        if (asked?["reroute"] is not null)
        {
            return await RouteAsync(inner, outer.Turn.Activity.Text ?? "", cancellationToken);
        }
        outer.Turn.Send(outer.Turn.Text("AnythingElseCanGuideThrough"), TopicButtons(outer.Turn));
        return DialogTurnResult.Waiting;
    }

    /// <summary>Free text or a menu tap with nothing running: a topic, a flow, or "not understood" with the closest flows.</summary>
    private async Task<DialogTurnResult> RouteAsync(DialogContext inner, string text, CancellationToken cancellationToken)
    {
        var turn = inner.Turn;
        var catalog = _catalog();
        var canonical = VietnameseText.Canonical(text);

        var topic = Topics.FirstOrDefault(t => Same(canonical, t.Title));
        if (topic.Id is not null)
        {
            var buttons = catalog.Flows.Where(f => f.Topic == topic.Id).Select(f => f.Title).ToList();
            if (topic.Id == "accounts")
            {
                buttons.Add(ReadinessTitle);
            }
            turn.Send(turn.Text("PickOne", topic.Title.For(turn.Language)), buttons.Take(5).Select(t => CardAction.ImBack(t.For(turn.Language))));
            return DialogTurnResult.Waiting;
        }
        if (Same(canonical, ReadinessTitle))
        {
            return await inner.BeginDialogAsync(ReadinessCheckDialog.DialogId, null, cancellationToken);
        }
        var byTitle = catalog.Flows.FirstOrDefault(f => Same(canonical, f.Title));
        if (byTitle is not null)
        {
            return await inner.BeginDialogAsync(FlowDialog.DialogId, FlowDialog.Options(byTitle.Id), cancellationToken);
        }

        await AnswerInTheirLanguageAsync(turn, text, cancellationToken);
        var matches = _intents.Recognize(text, 3);
        if (matches.Count > 0 && matches[0].Score >= _options.StrongMatch && catalog.Find(matches[0].FlowId) is { } flow)
        {
            return await inner.BeginDialogAsync(FlowDialog.DialogId, FlowDialog.Options(flow.Id), cancellationToken);
        }

        var closest = matches.Select(m => catalog.Find(m.FlowId)).OfType<FlowDefinition>().ToList();
        turn.Record(EventKinds.NotUnderstood, properties: new Dictionary<string, string>
        {
            ["text"] = Redactor.Redact(text),
            ["offered"] = string.Join(",", closest.Select(f => f.Id)),
        });
        if (closest.Count > 0)
        {
            turn.Send(turn.Text("SorryImNotSureWhat"),
                closest.Select(f => CardAction.ImBack(f.Title.For(turn.Language))));
        }
        else
        {
            turn.Send(turn.Text("SorryDidNotUnderstandPick"), TopicButtons(turn));
        }
        return DialogTurnResult.Waiting;
    }

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
            // In both languages, so a Vietnamese reader taken for English knows the way back.
            turn.Send("I will answer in English. (Gõ \"tiếng Việt\" để dùng tiếng Việt.)");
        }
    }

    private async Task<DialogTurnResult> HandOffAsync(DialogContext inner, FlowDialog.Position? running, CancellationToken cancellationToken)
    {
        var turn = inner.Turn;
        if (running is null)
        {
            turn.Record(EventKinds.HandedOff);
        }
        // Each running flow records its own handoff as it leaves the stack.
        turn.Items[FlowDialog.EndReasonItem] = "handed-off";
        await inner.CancelAllDialogsAsync(cancellationToken);
        turn.Send(turn.Text("CallHotlineFreeTalkStaff", _options.Hotline),
            TopicButtons(turn));
        return DialogTurnResult.Waiting;
    }

    private void OfferResume(TurnContext turn, FlowDialog.Position? running)
    {
        MarkResumeOffered(turn.State);
        var (text, buttons) = ResumeOffer(_catalog(), running, turn.Language);
        turn.Send(text, buttons);
    }

    /// <summary>Makes the conversation's next message the answer to a resume offer (sent by a turn or by a reminder).</summary>
    public static void MarkResumeOffered(ConversationState state) => state.Memory[ResumeOffered] = true;

    /// <summary>"Last time you stopped at step … of …. Continue?" with Continue / Something else.</summary>
    public static (string Text, IReadOnlyList<CardAction> Buttons) ResumeOffer(FlowCatalog catalog, FlowDialog.Position? running, string language)
    {
        string T(string vi, string en) => language == "en" ? en : vi;
        var flow = running is null ? null : catalog.Find(running.FlowId);
        var step = flow?.FindStep(running!.StepId);
        var where = step switch
        {
            AskStep ask => Short(ask.Question.For(language)),
            InformStep inform => Short(inform.Text.For(language)),
            DoStep @do => Short(@do.Instruction.For(language)),
            _ => null,
        };
        var title = (flow?.Title ?? ReadinessTitle).For(language);
        var text = where is null
            ? T($"Lần trước bạn đang làm dở \"{title}\". Bạn muốn tiếp tục không?", $"Last time you were in the middle of \"{title}\". Continue?")
            : T($"Lần trước bạn dừng ở bước \"{where}\" của hướng dẫn \"{title}\". Bạn muốn tiếp tục không?",
                $"Last time you stopped at \"{where}\" in \"{title}\". Continue?");
        return (text, [CardAction.ImBack(ResumeLabel.For(language)), CardAction.ImBack(OtherLabel.For(language))]);
    }

    private void Greet(TurnContext turn) =>
        turn.Send(turn.Text("HelloGuideThroughOnlinePublic"),
            TopicButtons(turn));

    private static IEnumerable<CardAction> TopicButtons(TurnContext turn) => Topics.Select(t => CardAction.ImBack(t.Title.For(turn.Language)));

    private static bool Same(string canonical, LocalizedText title) =>
        canonical.Length > 0 && (canonical == VietnameseText.CanonicalOfContent(title.Vi) || (title.En is { } en && canonical == VietnameseText.CanonicalOfContent(en)));

    private static bool IsLabel(string text, LocalizedText label) => Same(VietnameseText.Canonical(text), label);

    private static bool IsYes(string text, LocalizedText label) => IsLabel(text, label) || ConfirmRecognizer.Recognize(text) == true;

    private static string Short(string text)
    {
        var line = text.Split('\n')[0];
        return line.Length <= 80 ? line : line[..77] + "…";
    }
}
