using System.Text.RegularExpressions;
using GuidanceBot.Texts;

namespace GuidanceBot.Tests.Localization;

/// <summary>The bot's fixed texts come from BotText.resx: every key the code names exists, every text there is used, both languages load.</summary>
public sealed partial class BotTextsTests
{
    private static readonly string Source = Path.Combine(Repository.Root, "src");

    /// <summary>The keys the code names: turn.Text("Key"…), BotTexts.Get(language, "Key"…), BotTexts.Pair("Key"), BotTexts.Reason("Key"…).</summary>
    private static HashSet<string> KeysInCode() =>
        Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Every_key_the_code_names_is_a_bot_text_and_every_bot_text_is_used()
    {
        var used = KeysInCode();
        var defined = BotTexts.Keys.ToHashSet(StringComparer.Ordinal);

        Assert.True(used.Count > 50, $"only {used.Count} keys found in the code");
        Assert.Empty(used.Except(defined).Select(k => $"{k} is used but not in Texts/BotText.resx"));
        Assert.Empty(defined.Except(used).Select(k => $"{k} is in Texts/BotText.resx but no code uses it"));
    }

    [Fact]
    public void A_text_comes_in_the_conversation_s_language_with_its_values_filled_in()
    {
        Assert.Equal("Bạn cần làm thủ tục gì?", BotTexts.Get("vi", "WhatDoNeedDo"));
        Assert.Equal("What do you need to do?", BotTexts.Get("en", "WhatDoNeedDo"));
        Assert.Equal(new GuidanceBot.Content.LocalizedText("Tiếp tục", "Continue"), BotTexts.Pair("Continue"));
        Assert.Throws<KeyNotFoundException>(() => BotTexts.Get("vi", "NoSuchText"));
    }

    // A turn (turn.Text, step.Turn.Text, t.Text) or BotTexts; Results.Text("ok") and the like are not bot texts.
    [GeneratedRegex("""(?:\b(?:turn|Turn|t)\.Text|BotTexts\.(?:Get|Pair|Reason))\((?:[A-Za-z_.]+, |"[a-z]{2}", )?"(?<key>[A-Za-z0-9]+)"(?:,|\))""")]
    private static partial Regex KeyUse();
}
