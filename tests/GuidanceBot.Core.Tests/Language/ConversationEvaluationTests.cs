using GuidanceBot.Bot;
using GuidanceBot.Content;
using GuidanceBot.Language;
using GuidanceBot.Tests.Bot;

namespace GuidanceBot.Tests.Language;

/// <summary>The conversation sets (acts, out of scope) and the bot's own decisions on them and on the procedures set.</summary>
public class ConversationEvaluationTests
{
    private static IReadOnlyList<LabelledUtterance> Set(string name)
    {
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "Language", "Evaluation", name));
        return LabelledUtterance.ReadTsv(reader);
    }

    private static readonly Lazy<MessageReader> Reader = new(() => new MessageReader(() => RealBot.Catalog, RealBot.Intents, new BotOptions()));

    [Fact]
    public void The_acts_set_has_150_utterances_over_every_act_with_unaccented_teencode_and_english_ones()
    {
        var set = Set("acts.tsv");

        Assert.True(set.Count >= 150, $"{set.Count} utterances");
        foreach (var act in ConversationalActs.All)
        {
            Assert.True(set.Count(u => u.Expected == act.Name()) >= 12, act.Name());
        }
        Assert.All(set.Where(u => ConversationalActs.FromName(u.Expected) is null), u => Assert.NotNull(RealBot.Catalog.Find(u.Expected)));
        Assert.True(set.Count(u => u.IsUnaccented && u.Text.Any(char.IsLetter) && !IsEnglish(u.Text)) >= 30, "unaccented Vietnamese");
        Assert.True(set.Count(u => VietnameseText.Tokens(u.Text).Count != u.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length
            || u.Text.Split(' ').Any(w => Abbreviations.Table.ContainsKey(w.ToLowerInvariant()))) >= 10, "teencode");
        Assert.True(set.Count(u => IsEnglish(u.Text)) >= 20, "English");
    }

    [Fact]
    public void The_out_of_scope_set_names_topics_that_exist()
    {
        var set = Set("out-of-scope.tsv");

        Assert.True(set.Count >= 60, $"{set.Count} utterances");
        Assert.All(set, u => Assert.NotNull(RealBot.Catalog.FindOutOfScope(OutOfScopeTopic.IntentPrefix + u.Expected)));
    }

    [Fact]
    public void The_fresh_set_covers_every_act_flow_and_topic_with_unaccented_and_english_lines()
    {
        var set = Set("fresh.tsv");

        Assert.True(set.Count >= 200, $"{set.Count} utterances");
        Assert.All(set, u => Assert.True(ConversationalActs.FromName(u.Expected) is not null || RealBot.Catalog.Find(u.Expected) is not null
            || RealBot.Catalog.FindOutOfScope(u.Expected) is not null, u.Expected));
        Assert.All(ConversationalActs.All, act => Assert.Contains(set, u => u.Expected == act.Name()));
        Assert.All(RealBot.Catalog.Flows.Where(f => f.UtterancesVi.Count > 0), f => Assert.Contains(set, u => u.Expected == f.Id));
        Assert.All(RealBot.Catalog.OutOfScope, t => Assert.Contains(set, u => u.Expected == t.IntentId));
        Assert.True(set.Count(u => u.IsUnaccented && !IsEnglish(u.Text)) >= set.Count * 0.35, "unaccented Vietnamese");
        Assert.True(set.Count(u => IsEnglish(u.Text)) >= set.Count * 0.08, "English");
    }

    [Theory]
    [InlineData("acts.tsv")]
    [InlineData("out-of-scope.tsv")]
    [InlineData("fresh.tsv")]
    public void A_conversation_set_shares_no_utterance_with_the_training_content(string name)
    {
        var examples = IntentTraining.Examples(RealBot.Catalog);
        var text = IntentText.Learn(examples.Select(e => e.Text));
        string Read(string utterance) => string.Join(' ', text.Prepare(utterance).Words);
        var trained = examples.Select(e => Read(e.Text)).Where(r => r.Length > 0).ToHashSet();

        var shared = Set(name).Where(u => trained.Contains(Read(u.Text))).Select(u => u.Text).ToList();
        Assert.True(shared.Count == 0, string.Join(" | ", shared));
    }

    [Fact]
    public void The_bots_decisions_meet_the_targets_on_acts_procedures_and_out_of_scope()
    {
        var acts = ConversationEvaluation.Acts(Reader.Value, Set("acts.tsv"));
        var procedures = ConversationEvaluation.Procedures(Reader.Value, Set("intents.tsv"));
        var outOfScope = ConversationEvaluation.OutOfScope(Reader.Value, Set("out-of-scope.tsv"));

        Assert.True(acts.Overall.Accuracy >= 0.95, $"acts {acts.Overall}");
        Assert.True(procedures.Overall.Accuracy >= 0.95, $"procedures {procedures.Overall}");
        Assert.True(outOfScope.Overall.Accuracy >= 0.90, $"out of scope {outOfScope.Overall}");
    }

    private static bool IsEnglish(string text) => LanguageHeuristic.Detect(text).IsEnglish(0.9)
        || text.Split(' ').All(w => w.All(c => c < 128)) && text.Split(' ').Any(w => w is "you" or "i" or "a" or "thank" or "what" or "are" or "bot" or "this" or "hello" or "help");
}
