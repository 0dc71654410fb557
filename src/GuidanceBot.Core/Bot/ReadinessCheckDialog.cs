using System.Text.Json.Nodes;
using GuidanceBot.Analytics;
using GuidanceBot.Content;
using GuidanceBot.Dialogs;
using GuidanceBot.Language;

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

    public static (string Vi, string En) Title => ("Kiểm tra điều kiện đăng ký VNeID", "Am I ready for VNeID?");

    private static Task<bool> BirthDateIsPast(PromptValidatorContext<DateOnly> context, CancellationToken ct)
    {
        if (context.Recognized.Value <= DatePrompt.Today(context.Turn))
        {
            return Task.FromResult(true);
        }
        context.Error = new LocalizedReason("Ngày sinh này ở tương lai, bạn kiểm tra lại giúp mình nhé.", "That date is in the future; please check it.");
        return Task.FromResult(false);
    }

    private static Task<DialogTurnResult> AskBirthDate(WaterfallStepContext step, CancellationToken ct)
    {
        step.Turn.Record(EventKinds.FlowStarted, DialogId);
        return step.PromptAsync("date", new PromptOptions
        {
            Prompt = step.Turn.T("Ngày sinh của bạn là ngày nào? (ví dụ 05/03/1990)", "What is your date of birth? (e.g. 05/03/1990)"),
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
            step.Turn.Send(step.Turn.T(
                "Bạn chưa đủ 14 tuổi nên chưa tự đăng ký tài khoản VNeID. Cha hoặc mẹ đăng ký cho bạn trong tài khoản VNeID của cha mẹ.",
                "Under 14 you cannot register a VNeID account yourself: a parent adds you in their own VNeID account."));
            return await FinishAsync(step, Outcomes.NotEligible, ct);
        }
        return await step.PromptAsync("confirm", new PromptOptions
        {
            Prompt = step.Turn.T("Bạn đã có thẻ căn cước (CCCD) gắn chip chưa?", "Do you have a chip-based citizen ID card (CCCD)?"),
        }, ct);
    }

    private static async Task<DialogTurnResult> AskIdNumber(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result?.GetValue<bool>() != true)
        {
            step.Turn.Send(step.Turn.T(
                "Bạn cần làm thẻ căn cước gắn chip trước. Khi làm thẻ tại công an, bạn đề nghị cấp luôn tài khoản VNeID mức 2.",
                "You need a chip ID card first. When you apply for it at the police office, ask for a level-2 VNeID account at the same time."));
            return await FinishAsync(step, Outcomes.InPerson, ct);
        }
        return await step.PromptAsync("cccd", new PromptOptions
        {
            Prompt = step.Turn.T(
                "Ứng dụng VNeID sẽ hỏi số định danh 12 số in trên thẻ. Bạn gõ số đó để mình kiểm tra định dạng giúp (mình không lưu số này).",
                "The VNeID app asks for the 12-digit number printed on your card. Type it and I will check its format (I do not keep it)."),
            BirthYear = (int?)step.Values["birthYear"],
        }, ct);
    }

    private static async Task<DialogTurnResult> AskPhone(WaterfallStepContext step, CancellationToken ct)
    {
        // Keep only the province: the number itself never enters state.
        step.Values["province"] = (string?)step.Result?["province"];
        return await step.PromptAsync("phone", new PromptOptions
        {
            Prompt = step.Turn.T("Số điện thoại bạn sẽ dùng để nhận mã OTP là số nào?", "Which mobile number will receive your one-time codes?"),
        }, ct);
    }

    private static async Task<DialogTurnResult> AskOwnName(WaterfallStepContext step, CancellationToken ct)
    {
        return await step.PromptAsync("confirm", new PromptOptions
        {
            Prompt = step.Turn.T("Số điện thoại đó có đứng tên chính bạn (chính chủ) không?", "Is that number registered in your own name?"),
        }, ct);
    }

    private static async Task<DialogTurnResult> AskPhoneKind(WaterfallStepContext step, CancellationToken ct)
    {
        step.Values["ownNumber"] = step.Result?.GetValue<bool>() == true;
        return await step.PromptAsync("choice", new PromptOptions
        {
            Prompt = step.Turn.T("Bạn dùng loại điện thoại nào?", "What kind of phone do you use?"),
            Choices = step.Turn.IsEnglish
                ? ["iPhone", "Android", "No smartphone"]
                : ["iPhone", "Android", "Không có điện thoại thông minh"],
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
            Prompt = step.Turn.T("iPhone của bạn là đời mấy? Gõ số, ví dụ 11 (iPhone SE gõ 7).", "Which iPhone model number? e.g. 11 (for an SE, type 7)."),
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
            Prompt = step.Turn.T("Có tài khoản rồi, bạn định làm thủ tục gì trước? (ví dụ: khai sinh, tạm trú)",
                "Once you have the account, what will you do first? (e.g. birth registration, temporary residence)"),
        }, ct);
    }

    private static async Task<DialogTurnResult> Summarise(WaterfallStepContext step, CancellationToken ct)
    {
        var t = step.Turn;
        var lines = new List<string> { t.T("Kết quả kiểm tra:", "Your check:") };
        if (step.Values["province"] is JsonValue province)
        {
            lines.Add(t.T($"✔ Số định danh hợp lệ (nơi đăng ký khai sinh: {province}).", $"✔ Your ID number is valid (birth registered in {province})."));
        }
        if (step.Values["ownNumber"]?.GetValue<bool>() == true)
        {
            lines.Add(t.T("✔ Số điện thoại chính chủ.", "✔ The phone number is in your name."));
        }
        else
        {
            lines.Add(t.T("✘ Số điện thoại chưa chính chủ: ra cửa hàng nhà mạng chuẩn hóa thông tin thuê bao trước, nếu không bạn sẽ không nhận được mã kích hoạt.",
                "✘ The number is not in your name: have your mobile operator update the subscriber details first, or the activation code will not reach you."));
        }
        var phoneKind = (int?)step.Values["phoneKind"];
        var nfc = (bool?)step.Values["nfc"];
        lines.Add(phoneKind switch
        {
            2 => t.T("✘ Không có điện thoại thông minh: bạn đến công an xã/phường để được đăng ký mức 2, rồi nhờ người thân cài VNeID giúp.",
                "✘ No smartphone: go to the commune police for a level-2 account and ask a relative to install VNeID for you."),
            0 when nfc == false => t.T("• iPhone đời này không đọc được chip thẻ (NFC); bạn vẫn đăng ký được, nhưng khi cần xác thực chip hãy nhờ công an xã/phường.",
                "• This iPhone cannot read the card chip (NFC); you can still register, but ask the commune police when chip verification is needed."),
            _ => t.T("✔ Điện thoại dùng được ứng dụng VNeID.", "✔ Your phone can run the VNeID app."),
        });
        lines.Add(t.T("Tiếp theo: cài ứng dụng VNeID và chọn \"Đăng ký\" để có tài khoản mức 1, hoặc đến công an xã/phường bất kỳ để đăng ký mức 2 (cần cho hầu hết thủ tục trực tuyến).",
            "Next: install the VNeID app and tap \"Đăng ký\" for a level-1 account, or visit any commune police office for level 2 (needed for most online procedures)."));
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
        step.Turn.Send(step.Turn.T(
            "Mình chưa nhận được câu trả lời phù hợp sau vài lần. Bạn gõ \"gặp cán bộ\" để được hỗ trợ, hoặc \"bắt đầu lại\".",
            "I could not get a usable answer after a few tries. Type \"talk to staff\" for help, or \"restart\"."));
        step.Turn.Record(EventKinds.FlowCancelled, DialogId, step.Name, new Dictionary<string, string> { ["reason"] = "retry-limit" });
        return await step.EndDialogAsync(null, ct);
    };

    private static Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, string outcome, CancellationToken ct)
    {
        step.Turn.Record(EventKinds.FlowCompleted, DialogId, step.Name, new Dictionary<string, string> { ["outcome"] = outcome });
        return step.EndDialogAsync(JsonValue.Create(outcome), ct);
    }
}
