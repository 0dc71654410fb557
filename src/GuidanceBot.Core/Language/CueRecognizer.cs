using System.Text;
using GuidanceBot.Content;

namespace GuidanceBot.Language;

/// <summary>
/// Finds the conversational acts and the fact questions in a message (<see cref="CuePhrases"/>), on its canonical
/// words, so "xin chào", "xin chao" and "xin chàoooo" read alike. One pass over the words; no allocation per phrase.
/// </summary>
public static class CueRecognizer
{
    private readonly record struct Cue(ConversationalAct? Act, string? Fact);

    private static readonly PhraseLexicon<Cue> Lexicon = new(
        CuePhrases.Acts.SelectMany(a => a.Value.Select(p => (new Cue(a.Key, null), p)))
            .Concat(CuePhrases.Questions.SelectMany(q => q.Value.Select(p => (new Cue(null, q.Key), p)))));

    public static MessageCues Read(string text)
    {
        // Longer messages are read as far as the intent recognisers read them.
        var typed = IntentText.Truncate(WithEmojiAsWords(text ?? ""));
        var expanded = VietnameseText.ExpandAbbreviations(VietnameseText.Normalize(typed));
        var words = VietnameseText.TokensOf(VietnameseText.CanonicalOfExpanded(expanded));
        // The same words with their diacritics: they tell "vắng" from "vâng", and the recognisers use them.
        var typedWords = VietnameseText.WordsOf(expanded);
        if (typedWords.Count != words.Length)
        {
            typedWords = [.. words];
        }
        var covered = new bool[words.Length];
        var hits = Lexicon.Find(words, typedWords, covered);
        if (hits.Count == 0)
        {
            return new MessageCues([], [], text ?? "", words.Count(w => !CuePhrases.Softeners.Contains(w)));
        }
        var acts = new List<ConversationalAct>();
        var questions = new List<string>();
        var kept = new bool[words.Length];
        foreach (var hit in hits)
        {
            if (hit.Label.Act is { } act && !acts.Contains(act))
            {
                acts.Add(act);
            }
            else if (hit.Label.Fact is { } fact && !questions.Contains(fact))
            {
                questions.Add(fact);
            }
            // A vague request's words may name the need ("dịch vụ công"), and a lone "vang", "da", "co" typed without
            // diacritics may be "vắng", "đã", "có" in a need: the recognisers still read them.
            if (hit.Label.Act is ConversationalAct.VagueRequest or ConversationalAct.Acknowledgement)
            {
                Array.Fill(kept, true, hit.Start, hit.Length);
            }
        }
        var rest = new StringBuilder();
        var content = 0;
        for (var i = 0; i < words.Length; i++)
        {
            if (!covered[i])
            {
                content += CuePhrases.Softeners.Contains(words[i]) ? 0 : 1;
            }
            if (!covered[i] || kept[i])
            {
                rest.Append(rest.Length > 0 ? " " : "").Append(typedWords[i]);
            }
        }
        return new MessageCues(acts, questions, rest.ToString(), content);
    }

    /// <summary>True when the whole message is, once canonical, one of the phrases the recogniser knows (for evaluation: such lines test recall, not generalisation).</summary>
    public static bool IsKnownPhrase(string text) => Lexicon.IsPhrase(VietnameseText.TokensOf(VietnameseText.Canonical(WithEmojiAsWords(text ?? ""))));

    /// <summary>The questions' fact names in the order the facts block lists them, for answers in a stable order.</summary>
    public static IEnumerable<string> InFactOrder(IEnumerable<string> questions) =>
        FactNames.All.Where(questions.Contains);

    private static string WithEmojiAsWords(string text)
    {
        foreach (var (emoji, words) in CuePhrases.Emoji)
        {
            if (text.Contains(emoji, StringComparison.Ordinal))
            {
                text = text.Replace(emoji, words, StringComparison.Ordinal);
            }
        }
        return text;
    }
}
