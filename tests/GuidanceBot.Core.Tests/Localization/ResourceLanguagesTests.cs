using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace GuidanceBot.Tests.Localization;

/// <summary>
/// Every resource file under src/ has a Vietnamese (neutral, X.resx) and an English (X.en.resx) side with the same keys,
/// no empty text, and the same {0}, {1}… placeholders, so no text falls back to the other language unnoticed.
/// </summary>
public sealed partial class ResourceLanguagesTests
{
    private static readonly string Source = Path.Combine(Repository.Root, "src");

    public static TheoryData<string> ResourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Source, "*.resx", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
                     .Select(f => Path.GetRelativePath(Source, f))
                     .Select(f => f.EndsWith(".en.resx", StringComparison.Ordinal) ? f[..^".en.resx".Length] + ".resx" : f)
                     .Distinct()
                     .Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }
        return data;
    }

    [Fact]
    public void The_dashboard_chat_page_and_bot_texts_are_resources()
    {
        var files = ResourceFiles().Cast<object[]>().Select(row => (string)row[0]).ToList();
        Assert.Contains(files, f => f.EndsWith("DashboardText.resx", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("ChatPageText.resx", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("BotText.resx", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Every_key_exists_in_vietnamese_and_english_with_the_same_placeholders(string vietnamese)
    {
        var english = vietnamese[..^".resx".Length] + ".en.resx";
        Assert.True(File.Exists(Path.Combine(Source, vietnamese)), $"{english} has no Vietnamese side {vietnamese}");
        Assert.True(File.Exists(Path.Combine(Source, english)), $"{vietnamese} has no English side {english}");
        var vi = Texts(vietnamese);
        var en = Texts(english);

        Assert.True(vi.Count > 0, $"{vietnamese} holds no text");
        Assert.Empty(vi.Keys.Except(en.Keys).Select(k => $"{k} is in {vietnamese} only"));
        Assert.Empty(en.Keys.Except(vi.Keys).Select(k => $"{k} is in {english} only"));
        foreach (var (key, text) in vi)
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"{key} is empty in {vietnamese}");
            Assert.False(string.IsNullOrWhiteSpace(en[key]), $"{key} is empty in {english}");
            Assert.True(Placeholders(text).SetEquals(Placeholders(en[key])), $"{key}: the placeholders differ between {vietnamese} and {english}");
        }
    }

    private static Dictionary<string, string> Texts(string file)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var data in XDocument.Load(Path.Combine(Source, file)).Root!.Elements("data"))
        {
            var key = (string)data.Attribute("name")!;
            Assert.True(texts.TryAdd(key, (string?)data.Element("value") ?? ""), $"{key} twice in {file}");
        }
        return texts;
    }

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
