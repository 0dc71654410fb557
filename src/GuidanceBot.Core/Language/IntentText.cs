namespace GuidanceBot.Language;

/// <summary>
/// What the trained recognisers see of a message: canonical words (folded, abbreviations expanded), typos one edit
/// away from a training word corrected, and the filler words of a chat ("cho em hỏi", "ạ", "please") dropped.
/// </summary>
public sealed class IntentText
{
    /// <summary>Longer messages are read up to here: the ask comes first, and the cost of a pasted page stays bounded.</summary>
    public const int MaxCharacters = 1000;

    private static readonly HashSet<string> Fillers = new(
        ["toi", "minh", "em", "e", "anh", "chi", "ban", "muon", "can", "lam", "sao", "the", "nao", "nhu", "cho", "cua", "o", "a", "ah",
         "ak", "nhe", "nha", "voi", "gi", "duoc", "khong", "co", "la", "va", "thi", "de", "oi", "giup", "hoi", "vay", "ad", "admin",
         "mn", "moi", "nguoi", "roi", "phai", "hay", "nay", "ay", "ha", "hoac", "nhung", "ma", "thu", "tuc",
         "how", "do", "i", "to", "my", "the", "an", "for", "of", "me", "want", "need", "please", "help", "with", "on", "in", "is",
         "what", "get", "we", "our", "at", "from", "does", "did", "you", "hi"],
        StringComparer.Ordinal);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> Expansions = new(StringComparer.Ordinal);

    private readonly Dictionary<string, int> _known;

    private IntentText(Dictionary<string, int> known) => _known = known;

    /// <summary>Learns the vocabulary (with counts, for choosing between corrections) from the training texts.</summary>
    public static IntentText Learn(IEnumerable<string> trainingTexts)
    {
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in trainingTexts)
        {
            foreach (var token in VietnameseText.Tokens(text))
            {
                known[token] = known.GetValueOrDefault(token) + 1;
            }
        }
        return new IntentText(known);
    }

    /// <summary>True when the word occurs in some training text.</summary>
    public bool IsKnown(string word) => _known.ContainsKey(word);

    /// <summary>The content words of <paramref name="text"/>, in order.</summary>
    public IReadOnlyList<string> Words(string text)
    {
        if (text.Length > MaxCharacters)
        {
            text = text[..MaxCharacters];
        }
        var words = new List<string>();
        foreach (var token in VietnameseText.Tokens(text))
        {
            var word = VietnameseText.CorrectTypo(token, _known);
            if (!Fillers.Contains(word))
            {
                words.Add(word);
            }
            // Content and citizens write "cccd" and "căn cước công dân" alike: keep the acronym, add what it stands for.
            if (Abbreviations.DomainExpansions.TryGetValue(word, out var expansion))
            {
                words.AddRange(Expansions.GetOrAdd(word, _ => VietnameseText.Fold(expansion).Split(' ')));
            }
        }
        return words;
    }
}
