using GuidanceBot.Analytics;
using GuidanceBot.Language;

namespace GuidanceBot.Tests.Bot;

/// <summary>A citizen who writes English first is answered in English; Vietnamese, typed any way, never is.</summary>
public class LanguageDetectionTests
{
    [Fact]
    public async Task An_english_first_message_is_answered_in_english()
    {
        var chat = new Conversation(RealBot.Create());
        await chat.Join();

        await chat.Say("I need to register my baby's birth");

        Assert.StartsWith("I will answer in English.", chat.LastText);
        Assert.Contains("Where was the baby born?", chat.LastText);
        Assert.All(chat.LastReplies, r => Assert.Equal("en-US", r.Locale));
        var started = Assert.Single(await chat.Events(), e => e.Kind == EventKinds.FlowStarted);
        Assert.Equal(("khai-sinh", "en"), (started.FlowId, started.Language));
    }

    [Theory]
    [InlineData("be sinh o nha ko co giay chung sinh thi khai sinh the nao")]
    [InlineData("tôi muốn làm giấy khai sinh cho con")]
    [InlineData("dk khai sinh cho be")]
    public async Task Vietnamese_first_messages_stay_vietnamese(string text)
    {
        var chat = new Conversation(RealBot.Create());

        await chat.Say(text);

        Assert.DoesNotContain("English", chat.LastText);
        Assert.All(chat.LastReplies, r => Assert.Equal("vi-VN", r.Locale));
    }

    [Fact]
    public async Task The_first_clear_message_decides_and_later_english_does_not_switch()
    {
        var chat = new Conversation(RealBot.Create());
        await chat.Say("tôi muốn hỏi về con mèo nhà tôi");

        await chat.Say("How do I get a new ID card?");

        Assert.All(chat.LastReplies, r => Assert.Equal("vi-VN", r.Locale));
    }

    [Fact]
    public async Task A_message_too_short_to_tell_leaves_the_choice_to_the_next_one()
    {
        var chat = new Conversation(RealBot.Create());
        await chat.Say("hello");
        Assert.All(chat.LastReplies, r => Assert.Equal("vi-VN", r.Locale));

        await chat.Say("How do I get a new ID card?");

        Assert.StartsWith("I will answer in English.", chat.LastText);
        Assert.All(chat.LastReplies, r => Assert.Equal("en-US", r.Locale));
    }

    [Fact]
    public async Task Tieng_viet_after_the_switch_keeps_vietnamese()
    {
        var chat = new Conversation(RealBot.Create());
        await chat.Say("I need to register my baby's birth");

        await chat.Say("tiếng Việt");
        Assert.Contains("Bé được sinh ở đâu?", chat.LastText);
        await chat.Say("thoát");
        await chat.Say("How do I get a new ID card?");

        Assert.All(chat.LastReplies, r => Assert.Equal("vi-VN", r.Locale));
    }

    [Theory]
    [InlineData(0.95, "en-US")]
    [InlineData(0.8, "vi-VN")]
    public async Task Only_english_with_high_confidence_switches(double confidence, string locale)
    {
        var chat = new Conversation(RealBot.Create(analyzer: new FixedLanguage(new DetectedLanguage("en", confidence))));

        await chat.Say("the text does not matter here");

        Assert.All(chat.LastReplies, r => Assert.Equal(locale, r.Locale));
    }

    [Fact]
    public async Task A_page_that_asked_for_english_is_not_second_guessed()
    {
        var analyzer = new FixedLanguage(new DetectedLanguage("vi", 1));
        var chat = new Conversation(RealBot.Create(analyzer: analyzer), locale: "en-US");

        await chat.Say("register temporary residence");

        Assert.Equal(0, analyzer.Calls);
        Assert.All(chat.LastReplies, r => Assert.Equal("en-US", r.Locale));
    }

    private sealed class FixedLanguage(DetectedLanguage language) : ITextAnalyzer
    {
        public int Calls { get; private set; }

        public Task<DetectedLanguage> DetectLanguageAsync(string text, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(language);
        }

        public Task<string> RedactAsync(string text, string language, CancellationToken cancellationToken) => Task.FromResult(Redactor.Redact(text));
    }
}
