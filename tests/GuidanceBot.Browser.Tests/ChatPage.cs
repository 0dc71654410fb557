using System.Globalization;
using System.Text;
using GuidanceBot.Activities;
using Microsoft.Playwright;

namespace GuidanceBot.Browser.Tests;

/// <summary>Drives the chat page like a citizen: waits for the bot's answer on the server and its buttons on screen, then taps or types.</summary>
public sealed class ChatPage(IPage page, TestHost host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public IPage Page => page;

    public async Task OpenAsync(string path = "/")
    {
        await page.GotoAsync(host.Url + path);
        await WaitOnlineAsync();
    }

    public async Task WaitOnlineAsync()
    {
        await Assertions.Expect(page.Locator("#chat[data-online=true]")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        // Web Chat's own "connecting" notice goes once it has caught up.
        await Assertions.Expect(page.Locator(".webchat__connectivityStatus")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
    }

    public Task<string?> ConversationIdAsync() => page.Locator("#chat").GetAttributeAsync("data-conversation-id");

    /// <summary>The bot's last message with buttons, once it is on the server and its first button is on screen.</summary>
    public async Task<Activity> WaitForButtonsAsync(int transcriptLongerThan = 0)
    {
        var conversationId = await ConversationIdAsync();
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var transcript = host.Transcript(conversationId!);
            if (transcript.Count > transcriptLongerThan && transcript[^1].From?.Id == DirectLineBotId && transcript[^1].SuggestedActions is { Actions.Count: > 0 })
            {
                var reply = transcript[^1];
                await Assertions.Expect(Button(FirstChoice(reply))).ToBeVisibleAsync(new() { Timeout = 20_000 });
                return reply;
            }
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"No bot reply with buttons after {transcriptLongerThan} activities; last: {transcript.LastOrDefault()?.Text}");
            }
            await Task.Delay(50);
        }
    }

    public async Task<Activity> TapAsync(string title)
    {
        var before = host.Transcript((await ConversationIdAsync())!).Count;
        await Button(title).ClickAsync();
        return await WaitForButtonsAsync(before + 1);
    }

    public async Task<Activity> TypeAsync(string text)
    {
        var before = host.Transcript((await ConversationIdAsync())!).Count;
        var box = page.Locator(".webchat__send-box-text-box__input");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
        return await WaitForButtonsAsync(before + 1);
    }

    public ILocator Button(string title) =>
        page.Locator(".webchat__suggested-actions").GetByRole(AriaRole.Button, new() { Name = title, Exact = true });

    public static string FirstChoice(Activity reply) =>
        reply.SuggestedActions!.Actions.First(a => a.Type == CardActionTypes.ImBack).Title!;

    public static string WithoutDiacritics(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }

    public Task ScreenshotAsync(string name) => page.ScreenshotAsync(new() { Path = ChatServer.ScreenshotPath(name), FullPage = false });

    private const string DirectLineBotId = GuidanceBot.Web.Channels.DirectLine.DirectLineTurns.BotId;
}
