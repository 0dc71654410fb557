using System.Text;
using GuidanceBot.Bot;
using GuidanceBot.Content;
using GuidanceBot.Language;
using YamlDotNet.RepresentationModel;

namespace GuidanceBot.Tests.Bot;

/// <summary>
/// The real dialogs/ content with the invented facts of Content/Fixtures/Facts/test-facts.yaml written into the flows that
/// have no facts block yet (a flow that has real facts keeps them), so questions inside procedures can be tested now.
/// </summary>
public static class TestFacts
{
    private static readonly Lazy<FlowCatalog> LazyCatalog = new(Load);
    private static readonly Lazy<IIntentRecognizer> LazyIntents = new(() => IntentRecognizers.Train(IntentRecognizers.Default, Catalog));

    public static FlowCatalog Catalog => LazyCatalog.Value;

    /// <summary>The production bot over this content, its recogniser trained once for all tests.</summary>
    public static DialogBot Bot(BotOptions? options = null) => RealBot.Create(options, Catalog, intents: LazyIntents.Value);

    /// <summary>The flows the fixture gives facts for.</summary>
    public static IReadOnlyList<string> Flows { get; } = ["khai-sinh", "tam-tru", "ho-chieu", "cccd", "ket-hon"];

    private static FlowCatalog Load()
    {
        var dialogs = GuidanceBotServices.FindDialogsDirectory(AppContext.BaseDirectory);
        var facts = ReadFixture();
        var files = Directory.GetFiles(dialogs, "*.yaml")
            .Select(path => (Path.GetFileName(path), WithFacts(File.ReadAllText(path), facts.GetValueOrDefault(Path.GetFileNameWithoutExtension(path)))))
            .Concat(Directory.GetFiles(Path.Combine(dialogs, OutOfScopeTopic.Folder), "*.yaml")
                .Select(path => ($"{OutOfScopeTopic.Folder}/{Path.GetFileName(path)}", File.ReadAllText(path))))
            .ToList();
        var result = FlowLoader.LoadFiles(files);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return result.Catalog!;
    }

    /// <summary>The flow's file with a facts block before its needs or utterances, unless it already has one.</summary>
    private static string WithFacts(string yaml, string? block)
    {
        var lines = yaml.Split('\n').ToList();
        if (block is null || lines.Any(l => l.StartsWith("facts:", StringComparison.Ordinal)))
        {
            return yaml;
        }
        var at = lines.FindIndex(l => l.StartsWith("needs:", StringComparison.Ordinal) || l.StartsWith("utterances:", StringComparison.Ordinal));
        lines.Insert(at, block.TrimEnd('\n'));
        return string.Join('\n', lines);
    }

    /// <summary>Flow id → its facts block as YAML text.</summary>
    private static Dictionary<string, string> ReadFixture()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Content", "Fixtures", "Facts", "test-facts.yaml"))));
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (flow, facts) in (YamlMappingNode)stream.Documents[0].RootNode)
        {
            var block = new StringBuilder("facts:\n");
            foreach (var (fact, text) in (YamlMappingNode)facts)
            {
                var texts = (YamlMappingNode)text;
                block.Append($"  {fact}: {{ vi: \"{texts["vi"]}\", en: \"{texts["en"]}\" }}\n");
            }
            blocks[((YamlScalarNode)flow).Value!] = block.ToString();
        }
        return blocks;
    }
}
