using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GuidanceBot.Tests.WebChat;

/// <summary>The chat page's frame from the server: its texts from resources, in the address's language, both languages for the switch.</summary>
public sealed partial class ChatPageTests : IAsyncLifetime
{
    private readonly TestHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/", "vi", "Trợ lý hướng dẫn thủ tục hành chính", "Không nhập số căn cước")]
    [InlineData("/?lang=en", "en", "Public service guidance assistant", "Do not type ID numbers")]
    public async Task The_page_comes_in_the_language_asked_for_with_both_languages_for_its_switch(string address, string language, string title, string privacy)
    {
        var response = await _host.CreateClient().GetAsync(address);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"<html lang=\"{language}\">", html);
        Assert.Contains($"<title>{title}</title>", html);
        Assert.Contains(privacy, html);
        Assert.Matches("<script src=\"app.js\"></script>", html);
        var texts = JsonNode.Parse(TextsBlock().Match(html).Groups[1].Value)!.AsObject();
        Assert.Equal(["en", "vi"], texts.Select(t => t.Key).Order(StringComparer.Ordinal));
        Assert.Equal(texts["vi"]!.AsObject().Select(t => t.Key).Order(StringComparer.Ordinal), texts["en"]!.AsObject().Select(t => t.Key).Order(StringComparer.Ordinal));
        Assert.Equal(("English", "Tiếng Việt"), ((string?)texts["vi"]!["switchTo"], (string?)texts["en"]!["switchTo"]));
        Assert.Equal("Nhập câu hỏi của bạn…", (string?)texts["vi"]!["placeholder"]);
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"chat-texts\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex TextsBlock();
}
