using GuidanceBot.Analytics;
using GuidanceBot.Dialogs;
using GuidanceBot.Language;

namespace GuidanceBot.Tests.Dialogs;

public class PromptTests
{
    private static Conversation Asking(Dialog prompt, PromptOptions? options = null) =>
        new(StackBot.AskingWith(prompt, options ?? new PromptOptions { Prompt = "Câu hỏi?" }));

    [Theory]
    [InlineData("có", "true")]
    [InlineData("Có ạ", "true")]
    [InlineData("co", "true")]
    [InlineData("dạ", "true")]
    [InlineData("vâng", "true")]
    [InlineData("ừ", "true")]
    [InlineData("uh", "true")]
    [InlineData("đúng rồi", "true")]
    [InlineData("rồi", "true")]
    [InlineData("ok", "true")]
    [InlineData("yes", "true")]
    [InlineData("không", "false")]
    [InlineData("khong", "false")]
    [InlineData("ko", "false")]
    [InlineData("k", "false")]
    [InlineData("hông", "false")]
    [InlineData("khum", "false")]
    [InlineData("chưa", "false")]
    [InlineData("chưa có", "false")]
    [InlineData("no", "false")]
    public async Task Confirm_understands_vietnamese_and_english_yes_and_no(string answer, string expected)
    {
        var chat = Asking(new ConfirmPrompt("confirm"), new PromptOptions { Prompt = "Bạn có thẻ CCCD gắn chip chưa?" });

        await chat.Say("bắt đầu");
        Assert.Equal("Bạn có thẻ CCCD gắn chip chưa?", chat.LastText);
        Assert.Equal(["Có", "Không"], chat.Buttons);

        await chat.Say(answer);
        Assert.Equal($"got: {expected}", chat.LastText);
    }

    [Theory]
    [InlineData("2", 1)]
    [InlineData("Nước ngoài", 2)]
    [InlineData("nuoc ngoai", 2)]
    [InlineData("NƯỚC NGOÀI", 2)]
    [InlineData("ở nhà", 1)]
    [InlineData("benh vien", 0)]
    public async Task Choice_accepts_number_title_without_diacritics_or_a_unique_part(string answer, int index)
    {
        string[] choices = ["Ở bệnh viện", "Ở nhà", "Ở nước ngoài"];
        var chat = Asking(new ChoicePrompt("choice"), new PromptOptions { Prompt = "Bé sinh ở đâu?", Choices = [.. choices] });

        await chat.Say("bắt đầu");
        Assert.Equal(choices, chat.Buttons);

        await chat.Say(answer);
        Assert.Equal($$"""got: {"index":{{index}},"value":"{{choices[index]}}"}""", chat.LastText);
    }

    [Fact]
    public async Task Choice_refuses_an_answer_matching_several_titles_and_asks_again()
    {
        var chat = Asking(new ChoicePrompt("choice"), new PromptOptions { Prompt = "Chọn?", Choices = ["Nhà thuê", "Nhà người thân"] });
        await chat.Say("bắt đầu");

        await chat.Say("nhà");

        Assert.Contains("nhiều lựa chọn", chat.LastText);
        Assert.EndsWith("Chọn?", chat.LastText);
        Assert.Equal(["Nhà thuê", "Nhà người thân"], chat.Buttons);
    }

    [Theory]
    [InlineData("05/03/2024", "2024-03-05")]
    [InlineData("5/3/24", "2024-03-05")]
    [InlineData("ngày 5 tháng 3 năm 2024", "2024-03-05")]
    [InlineData("ngay 5 thang 3 nam 2024", "2024-03-05")]
    public async Task Date_understands_numeric_and_spelled_dates(string answer, string expected)
    {
        var chat = Asking(new DatePrompt("date"));
        await chat.Say("bắt đầu");

        await chat.Say(answer);

        Assert.Equal($"got: \"{expected}\"", chat.LastText);
    }

    [Fact]
    public async Task Date_hom_nay_and_hom_qua_are_the_citizens_days_in_vietnam_time()
    {
        // 20:00 UTC on 26 Nov is already 27 Nov in Vietnam.
        var time = new FixedTime(new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.Zero));
        var chat = new Conversation(StackBot.AskingWith(new DatePrompt("date"), new PromptOptions { Prompt = "Ngày?" }), time: time);
        await chat.Say("bắt đầu");
        await chat.Say("hôm qua");
        Assert.Equal("got: \"2026-11-26\"", chat.LastText);

        await chat.Say("lại");
        await chat.Say("hom nay");
        Assert.Equal("got: \"2026-11-27\"", chat.LastText);
    }

    [Fact]
    public async Task Date_refuses_an_impossible_date_with_the_reason()
    {
        var chat = Asking(new DatePrompt("date"), new PromptOptions { Prompt = "Ngày sinh?" });
        await chat.Say("bắt đầu");

        await chat.Say("31/02/2024");

        Assert.NotEqual("Ngày sinh?", chat.LastText);
        Assert.EndsWith("Ngày sinh?", chat.LastText);
        Assert.DoesNotContain("got", chat.LastText);
    }

    [Fact]
    public async Task Id_number_is_checked_against_the_birth_year_and_never_handed_on()
    {
        var chat = Asking(new IdNumberPrompt("cccd"), new PromptOptions { Prompt = "Số CCCD?", BirthYear = 1990 });
        await chat.Say("bắt đầu");

        await chat.Say("001 091 012345"); // born 1991 by its digits
        Assert.EndsWith("Số CCCD?", chat.LastText);
        Assert.DoesNotContain("012345", chat.LastText);

        await chat.Say("001090012345");
        Assert.StartsWith("got: ", chat.LastText);
        Assert.Contains("\"birthYear\":1990", chat.LastText);
        Assert.DoesNotContain("001090012345", chat.LastText);
        Assert.DoesNotContain("001090012345", string.Join("|", (await chat.Events()).Select(e => e.ToString())));
    }

    [Fact]
    public async Task Nine_digit_old_id_is_recognised_and_explained()
    {
        var chat = Asking(new IdNumberPrompt("cccd"), new PromptOptions { Prompt = "Số CCCD?" });
        await chat.Say("bắt đầu");

        await chat.Say("123456789");

        var explanation = CccdRecognizer.Recognize("123456789").Error!.Value.Vi;
        Assert.StartsWith(explanation, chat.LastText);
    }

    [Theory]
    [InlineData("+84 912 345 678", "091*****78")]
    [InlineData("84912345678", "091*****78")]
    [InlineData("0912.345.678", "091*****78")]
    [InlineData("0168-234-5678", "038*****78")]
    public async Task Phone_accepts_prefixes_and_separators_and_maps_old_numbers(string answer, string masked)
    {
        var chat = Asking(new PhonePrompt("phone"));
        await chat.Say("bắt đầu");

        await chat.Say(answer);

        Assert.Equal($$"""got: {"masked":"{{masked}}"}""", chat.LastText);
    }

    [Theory]
    [InlineData("25", "25")]
    [InlineData("hai mươi lăm", "25")]
    [InlineData("hai muoi lam", "25")]
    public async Task Number_understands_digits_and_vietnamese_words(string answer, string expected)
    {
        var chat = Asking(new NumberPrompt("number"));
        await chat.Say("bắt đầu");

        await chat.Say(answer);

        Assert.Equal($"got: {expected}", chat.LastText);
    }

    [Fact]
    public async Task Number_outside_the_range_is_refused()
    {
        var chat = Asking(new NumberPrompt("number"), new PromptOptions { Prompt = "Đời iPhone?", Min = 3, Max = 30 });
        await chat.Say("bắt đầu");

        await chat.Say("99");

        Assert.Contains("3–30", chat.LastText);
    }

    [Fact]
    public async Task Text_prompt_returns_what_was_typed()
    {
        var chat = Asking(new TextPrompt("text"));
        await chat.Say("bắt đầu");

        await chat.Say("  khai sinh cho con ");

        Assert.Equal("got: \"khai sinh cho con\"", chat.LastText);
    }

    [Fact]
    public async Task Validator_refuses_with_its_own_reason()
    {
        var prompt = new NumberPrompt("even", (ctx, _) =>
        {
            ctx.Error = new LocalizedReason("Số phải chẵn.", "Must be even.");
            return Task.FromResult(ctx.Recognized.Value % 2 == 0);
        });
        var chat = Asking(prompt, new PromptOptions { Prompt = "Số chẵn?" });
        await chat.Say("bắt đầu");

        await chat.Say("3");
        Assert.Equal("Số phải chẵn.\nSố chẵn?", chat.LastText);

        await chat.Say("4");
        Assert.Equal("got: 4", chat.LastText);
    }

    [Fact]
    public async Task Retry_limit_ends_the_prompt_with_a_recorded_reason()
    {
        var chat = Asking(new ConfirmPrompt("confirm"), new PromptOptions { Prompt = "Có hay không?", RetryPrompt = "Bạn gõ có hoặc không nhé.", MaxAttempts = 3 });
        await chat.Say("bắt đầu");

        await chat.Say("màu xanh");
        Assert.EndsWith("Bạn gõ có hoặc không nhé.", chat.LastText);
        await chat.Say("màu đỏ");
        await chat.Say("màu tím");

        Assert.Equal("gave up", chat.LastText);
        var events = await chat.Events();
        Assert.Equal(2, events.Count(e => e.Kind == EventKinds.PromptRetried));
        Assert.Contains(events, e => e.Kind == EventKinds.DialogEnded && e.Property("dialog") == "confirm" && e.Property("reason") == "retry-limit");
    }

    [Fact]
    public async Task English_locale_gets_english_buttons()
    {
        var chat = new Conversation(StackBot.AskingWith(new ConfirmPrompt("confirm"), new PromptOptions { Prompt = "Ready?" }), locale: "en-US");

        await chat.Say("start");

        Assert.Equal(["Yes", "No"], chat.Buttons);
    }
}
