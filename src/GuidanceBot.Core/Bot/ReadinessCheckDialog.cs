using System.Text.Json.Nodes;
using GuidanceBot.Analytics;
using GuidanceBot.Content;
using GuidanceBot.Dialogs;
using GuidanceBot.Language;
using GuidanceBot.Texts;

namespace GuidanceBot.Bot;

/// <summary>
/// "Am I ready to register for VNeID?": checks age, chip ID card, ID number format, a phone number in the citizen's
/// own name and an NFC-capable phone, then says what to do next. Written in code because it uses every prompt type;
/// facts from shared/reference/domain.md §2 (age 14, chip CCCD, NFC from iPhone 7, one phone number per account).
/// </summary>
public sealed class ReadinessCheckDialog : ComponentDialog
{
    public const string DialogId = "vneid-san-sang";

    public ReadinessCheckDialog() : base(DialogId)
    {
        AddDialog(new WaterfallDialog(DialogId + ".steps") { FlowId = DialogId }
            .AddStep("ngay-sinh", AskBirthDate)
            .AddStep("co-cccd-chip", UnlessGaveUp(AskChipCard))
            .AddStep("so-cccd", UnlessGaveUp(AskIdNumber))
            .AddStep("so-dien-thoai", UnlessGaveUp(AskPhone))
            .AddStep("chinh-chu", UnlessGaveUp(AskOwnName))
            .AddStep("loai-dien-thoai", UnlessGaveUp(AskPhoneKind))
            .AddStep("doi-iphone", UnlessGaveUp(AskIPhoneModel))
            .AddStep("muc-dich", UnlessGaveUp(AskPurpose))
            .AddStep("ket-qua", UnlessGaveUp(Summarise)));
        AddDialog(new DatePrompt("date", BirthDateIsPast));
        AddDialog(new ConfirmPrompt("confirm"));
        AddDialog(new IdNumberPrompt("cccd"));
        AddDialog(new PhonePrompt("phone"));
        AddDialog(new ChoicePrompt("choice"));
        AddDialog(new NumberPrompt("number"));
        AddDialog(new TextPrompt("text"));
    }

    public static LocalizedText Title { get; } = BotTexts.Pair("ReadinessCheckTitle");

    private static Task<bool> BirthDateIsPast(PromptValidatorContext<DateOnly> context, CancellationToken ct)
    {
        if (context.Recognized.Value <= DatePrompt.Today(context.Turn))
        {
            return Task.FromResult(true);
        }
        context.Error = BotTexts.Reason("DateFutureCheck");
        return Task.FromResult(false);
    }

    private static Task<DialogTurnResult> AskBirthDate(WaterfallStepContext step, CancellationToken ct)
    {
        step.Turn.Record(EventKinds.FlowStarted, DialogId);
        return step.PromptAsync("date", new PromptOptions
        {
            Prompt = step.Turn.Text("WhatDateBirthEG"),
        }, ct);
    }

    private static async Task<DialogTurnResult> AskChipCard(WaterfallStepContext step, CancellationToken ct)
    {
        var birth = DatePrompt.ResultOf(step.Result)!.Value;
        var today = DatePrompt.Today(step.Turn);
        var age = today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);
        step.Values["birthYear"] = birth.Year;
        if (age < 14)
        {
            step.Turn.Send(step.Turn.Text("Under14CannotRegisterVNeID"));
            return await FinishAsync(step, Outcomes.NotEligible, ct);
        }
        return await step.PromptAsync("confirm", new PromptOptions
        {
            Prompt = step.Turn.Text("DoHaveChipBasedCitizen"),
        }, ct);
    }

    private static async Task<DialogTurnResult> AskIdNumber(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result?.GetValue<bool>() != true)
        {
            step.Turn.Send(step.Turn.Text("NeedChipIDCardFirst"));
            return await FinishAsync(step, Outcomes.InPerson, ct);
        }
        return await step.PromptAsync("cccd", new PromptOptions
        {
            Prompt = step.Turn.Text("VNeIDAppAsks12Digit"),
            BirthYear = (int?)step.Values["birthYear"],
        }, ct);
    }

    private static async Task<DialogTurnResult> AskPhone(WaterfallStepContext step, CancellationToken ct)
    {
        // Keep only the province: the number itself never enters state.
        step.Values["province"] = (string?)step.Result?["province"];
        return await step.PromptAsync("phone", new PromptOptions
        {
            Prompt = step.Turn.Text("WhichMobileNumberWillReceive"),
        }, ct);
    }

    private static async Task<DialogTurnResult> AskOwnName(WaterfallStepContext step, CancellationToken ct)
    {
        return await step.PromptAsync("confirm", new PromptOptions
        {
            Prompt = step.Turn.Text("NumberRegisteredOwnName"),
        }, ct);
    }

    private static async Task<DialogTurnResult> AskPhoneKind(WaterfallStepContext step, CancellationToken ct)
    {
        step.Values["ownNumber"] = step.Result?.GetValue<bool>() == true;
        return await step.PromptAsync("choice", new PromptOptions
        {
            Prompt = step.Turn.Text("WhatKindPhoneDoUse"),
            Choices = ["iPhone", "Android", step.Turn.Text("NoSmartphone")],
        }, ct);
    }

    private static async Task<DialogTurnResult> AskIPhoneModel(WaterfallStepContext step, CancellationToken ct)
    {
        var kind = FoundChoice.From(step.Result)!.Index;
        step.Values["phoneKind"] = kind;
        if (kind != 0)
        {
            return await step.NextAsync(null, ct);
        }
        return await step.PromptAsync("number", new PromptOptions
        {
            Prompt = step.Turn.Text("WhichIPhoneModelNumberE"),
            Min = 3,
            Max = 30,
        }, ct);
    }

    private static async Task<DialogTurnResult> AskPurpose(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is JsonValue model)
        {
            step.Values["nfc"] = model.GetValue<decimal>() >= 7;
        }
        return await step.PromptAsync("text", new PromptOptions
        {
            Prompt = step.Turn.Text("OnceHaveAccountWhatWill"),
        }, ct);
    }

    private static async Task<DialogTurnResult> Summarise(WaterfallStepContext step, CancellationToken ct)
    {
        var t = step.Turn;
        var lines = new List<string> { t.Text("Check") };
        if (step.Values["province"] is JsonValue province)
        {
            lines.Add(t.Text("IDNumberValidBirthRegistered", province));
        }
        if (step.Values["ownNumber"]?.GetValue<bool>() == true)
        {
            lines.Add(t.Text("PhoneNumberName"));
        }
        else
        {
            lines.Add(t.Text("NumberNotNameHaveMobile"));
        }
        var phoneKind = (int?)step.Values["phoneKind"];
        var nfc = (bool?)step.Values["nfc"];
        lines.Add(phoneKind switch
        {
            2 => t.Text("NoSmartphoneGoCommunePolice"),
            0 when nfc == false => t.Text("IPhoneCannotReadCardChip"),
            _ => t.Text("PhoneCanRunVNeIDApp"),
        });
        lines.Add(t.Text("NextInstallVNeIDAppTap"));
        t.Send(string.Join("\n", lines));
        return await FinishAsync(step, Outcomes.Completed, ct);
    }

    /// <summary>Runs the step, unless the previous prompt ran out of retries: then say so, point to a person, and end with the recorded reason.</summary>
    private static WaterfallStep UnlessGaveUp(WaterfallStep next) => async (step, ct) =>
    {
        if (step.Reason != DialogReason.RetryLimit)
        {
            return await next(step, ct);
        }
        step.Turn.Send(step.Turn.Text("CouldNotGetUsableAnswer"));
        step.Turn.Record(EventKinds.FlowCancelled, DialogId, step.Name, new Dictionary<string, string> { ["reason"] = "retry-limit" });
        return await step.EndDialogAsync(null, ct);
    };

    private static Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, string outcome, CancellationToken ct)
    {
        step.Turn.Record(EventKinds.FlowCompleted, DialogId, step.Name, new Dictionary<string, string> { ["outcome"] = outcome });
        return step.EndDialogAsync(JsonValue.Create(outcome), ct);
    }
}
