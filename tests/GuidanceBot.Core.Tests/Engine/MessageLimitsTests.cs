using GuidanceBot.Engine;

namespace GuidanceBot.Tests.Engine;

public class MessageLimitsTests
{
    [Theory]
    [InlineData("tạm trú \uFFFE", "tạm trú \uFFFD")]
    [InlineData("\uFDD0x\u0000", "\uFFFDx\uFFFD")]
    [InlineData("dòng 1\ndòng 2\t😀", "dòng 1\ndòng 2\t😀")]
    public void Clean_replaces_what_is_not_text_and_keeps_the_rest(string text, string expected)
    {
        Assert.Equal(expected, MessageLimits.Clean(text));
        Assert.Equal(text != expected, MessageLimits.NeedsCleaning(text));
        // The cleaned text normalises: the redactor and the recognisers can read it.
        Assert.Equal(expected.Normalize(), MessageLimits.Clean(text).Normalize());
    }

    [Fact]
    public void Lone_surrogates_are_replaced()
    {
        // Not InlineData: xunit's test discovery cannot carry a lone surrogate in a test's name.
        Assert.Equal("a\uFFFDb", MessageLimits.Clean("a\uD800b"));
        Assert.Equal("a\uFFFD", MessageLimits.Clean("a\uDC00"));
        Assert.Equal("\uFFFD\uFFFD", MessageLimits.Clean("\uDC00\uD800"));
    }

    [Fact]
    public void A_noncharacter_outside_the_basic_plane_is_replaced()
    {
        Assert.Equal("x\uFFFD", MessageLimits.Clean("x" + char.ConvertFromUtf32(0x1FFFE)));
    }

    [Fact]
    public void Cut_never_keeps_half_a_number()
    {
        var text = new string('a', 10) + " gọi 0912 345 678";

        var cut = MessageLimits.Cut(text, 22);

        Assert.Equal(new string('a', 10) + " gọi…", cut);
    }

    [Fact]
    public void Cut_never_splits_an_emoji_and_leaves_short_text_alone()
    {
        Assert.Equal("ab…", MessageLimits.Cut("ab😀cd", 3));
        Assert.Equal("abc", MessageLimits.Cut("abc", 3));
    }
}
