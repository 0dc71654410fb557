using GuidanceBot.Activities;
using GuidanceBot.Web.Channels.Zalo;

namespace GuidanceBot.Tests.Zalo;

/// <summary>Replies rendered as Zalo OA messages.</summary>
public sealed class ZaloMessageBuilderTests
{
    private static Activity Reply(string text, params CardAction[] actions) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        SuggestedActions = actions.Length == 0 ? null : new SuggestedActions { Actions = [.. actions] },
    };

    private static CardAction Choice(string title) => new() { Type = CardActionTypes.ImBack, Title = title, Value = title };

    [Fact]
    public void A_long_reply_is_split_at_sentence_boundaries_within_2000_characters()
    {
        var sentence = "Bạn mang căn cước công dân đến bộ phận một cửa của xã để được hướng dẫn nộp hồ sơ. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 60)).Trim();

        var messages = ZaloMessageBuilder.Build(Reply(text, Choice("Tiếp tục")));

        Assert.True(messages.Count >= 3);
        Assert.All(messages, m => Assert.InRange(((string)m["text"]!).Length, 1, ZaloMessageBuilder.MaxText));
        Assert.All(messages.SkipLast(1), m => Assert.EndsWith(".", (string)m["text"]!));
        Assert.Equal(text.Replace(" ", ""), string.Concat(messages.Select(m => ((string)m["text"]!).Replace(" ", ""))));
        // The buttons ride on the last piece only.
        Assert.All(messages.SkipLast(1), m => Assert.Null(m["attachment"]));
        Assert.NotNull(messages[^1]["attachment"]);
    }

    [Fact]
    public void Text_without_sentence_ends_is_split_at_spaces()
    {
        var text = string.Join(' ', Enumerable.Repeat("chữ", 1500));

        var pieces = ZaloMessageBuilder.Split(text, ZaloMessageBuilder.MaxText);

        Assert.All(pieces, p => Assert.InRange(p.Length, 1, ZaloMessageBuilder.MaxText));
        Assert.All(pieces, p => Assert.DoesNotContain("ch ", p + " "));
    }

    [Fact]
    public void Up_to_five_choices_become_query_buttons_whose_payload_is_the_choice()
    {
        var message = Assert.Single(ZaloMessageBuilder.Build(Reply("Bạn chọn:", Choice("Có"), Choice("Không"))));

        var buttons = message["attachment"]!["payload"]!["buttons"]!.AsArray();
        Assert.Equal(["Có", "Không"], buttons.Select(b => (string)b!["payload"]!));
        Assert.All(buttons, b => Assert.Equal("oa.query.show", (string)b!["type"]!));
        Assert.Equal("template", (string)message["attachment"]!["type"]!);
    }

    [Fact]
    public void More_than_five_choices_become_numbered_text()
    {
        var choices = Enumerable.Range(1, 7).Select(i => Choice($"Lựa chọn {i}")).ToArray();

        var message = Assert.Single(ZaloMessageBuilder.Build(Reply("Bạn chọn:", choices)));

        Assert.Null(message["attachment"]);
        Assert.Equal("Bạn chọn:\n1. Lựa chọn 1\n2. Lựa chọn 2\n3. Lựa chọn 3\n4. Lựa chọn 4\n5. Lựa chọn 5\n6. Lựa chọn 6\n7. Lựa chọn 7", (string)message["text"]!);
    }

    [Fact]
    public void Links_become_open_url_buttons()
    {
        var link = new CardAction { Type = CardActionTypes.OpenUrl, Title = "Mở Cổng DVC", Value = "https://bot.example/go/dvc?c=1" };

        var message = Assert.Single(ZaloMessageBuilder.Build(Reply("Nộp hồ sơ trực tuyến:", link, Choice("Xong"))));

        var buttons = message["attachment"]!["payload"]!["buttons"]!.AsArray();
        Assert.Equal("oa.query.show", (string)buttons[0]!["type"]!);
        Assert.Equal("oa.open.url", (string)buttons[1]!["type"]!);
        Assert.Equal("https://bot.example/go/dvc?c=1", (string)buttons[1]!["payload"]!["url"]!);
    }
}
