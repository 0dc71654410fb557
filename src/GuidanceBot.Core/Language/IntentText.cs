namespace GuidanceBot.Language;

/// <summary>
/// What the trained recognisers see of a message: canonical words (folded, abbreviations expanded), typos one edit
/// away from a training word corrected, and the filler words of a chat ("cho em hỏi", "ạ", "please") dropped.
/// </summary>
public sealed partial class IntentText
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

    private static readonly Dictionary<string, string[]> FoldedSynonyms = Abbreviations.Synonyms
        .ToDictionary(kv => VietnameseText.Fold(kv.Key), kv => VietnameseText.Fold(kv.Value).Split(' '), StringComparer.Ordinal);

    private readonly Dictionary<string, int> _known;

    // Folded word -> the ways the training texts write it with diacritics ("vang" -> "vắng").
    private readonly Dictionary<string, HashSet<string>> _written;

    private IntentText(Dictionary<string, int> known, Dictionary<string, HashSet<string>> written)
    {
        _known = known;
        _written = written;
    }

    /// <summary>
    /// Learns the vocabulary (with counts, for choosing between corrections) from the training texts, and how they
    /// write each word with diacritics.
    /// </summary>
    public static IntentText Learn(IEnumerable<string> trainingTexts)
    {
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        var written = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var text in trainingTexts)
        {
            foreach (var token in VietnameseText.Tokens(text))
            {
                known[token] = known.GetValueOrDefault(token) + 1;
            }
            foreach (var word in AccentedWords(VietnameseText.ExpandAbbreviations(VietnameseText.Normalize(text))))
            {
                var folded = VietnameseText.StripDiacritics(word);
                if (!written.TryGetValue(folded, out var forms))
                {
                    written[folded] = forms = new HashSet<string>(StringComparer.Ordinal);
                }
                forms.Add(word);
            }
        }
        return new IntentText(known, written);
    }

    /// <summary>True when the word occurs in some training text.</summary>
    public bool IsKnown(string word) => _known.ContainsKey(word);

    /// <summary>
    /// The content words of <paramref name="text"/> in order, and those typed with diacritics, from one pass of
    /// redaction, normalisation and abbreviation expansion.
    /// </summary>
    public PreparedText Prepare(string text)
    {
        var expanded = VietnameseText.ExpandAbbreviations(VietnameseText.Normalize(WithoutPersonalData(Truncate(text ?? ""))));
        var accented = AccentedWords(expanded);
        return new PreparedText(Words(expanded, OtherWords(accented)), accented);
    }

    /// <summary>
    /// Folded forms of the words typed with diacritics that no training text could have meant: every way the training
    /// writes that folded word is another word ("giá vàng" is about gold, not "tạm vắng"). They are left out, so a
    /// diacritic-folding coincidence is not a match.
    /// </summary>
    private HashSet<string> OtherWords(List<string> accented)
    {
        var other = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in accented)
        {
            var folded = VietnameseText.StripDiacritics(word);
            if (_written.TryGetValue(folded, out var forms) && !forms.Any(form => VietnameseText.CouldMean(word, form)))
            {
                other.Add(folded);
            }
        }
        return other;
    }

    private List<string> Words(string expanded, HashSet<string> otherWords)
    {
        var tokens = VietnameseText.TokensOf(VietnameseText.CanonicalOfExpanded(expanded));
        var words = new List<string>(tokens.Length + 4);
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = VietnameseText.CorrectTypo(tokens[i], _known);
        }
        for (var i = 0; i < tokens.Length; i++)
        {
            var word = tokens[i];
            if (otherWords.Contains(word))
            {
                continue;
            }
            // A synonym adds the content's word and keeps the citizen's, so neither side loses a feature.
            if (i + 1 < tokens.Length && FoldedSynonyms.TryGetValue(word + " " + tokens[i + 1], out var pairMeans))
            {
                words.AddRange(pairMeans);
            }
            else if (FoldedSynonyms.TryGetValue(word, out var means))
            {
                words.AddRange(means);
            }
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

    /// <summary>
    /// The content words typed with diacritics, as typed (normalised): kept alongside the folded words because
    /// "con dế" and "con dê" fold alike. Empty for text typed without diacritics.
    /// </summary>
    private static List<string> AccentedWords(string expanded)
    {
        var words = VietnameseText.WordsOf(expanded);
        words.RemoveAll(word => VietnameseText.StripDiacritics(word) is var folded && (folded == word || Fillers.Contains(folded)));
        return words;
    }

    /// <summary>
    /// The text with names, numbers and addresses removed together with the word that labels them ("sđt 0912…"):
    /// someone giving their phone number is not asking to change it.
    /// </summary>
    private static string WithoutPersonalData(string text) => LabelledPersonalData().Replace(Redactor.Redact(text), " ");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:\b(?:số điện thoại|điện thoại|so dien thoai|dien thoai|sđt|sdt|đt|dt|số|so|cccd|cmnd|căn cước|can cuoc|email|e-mail|mail|gmail)\b\s*:?\s*)?\[(?:SỐ GIẤY TỜ|SĐT|EMAIL|TÊN)\]", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex LabelledPersonalData();

    /// <summary>The first <see cref="MaxCharacters"/> characters of <paramref name="text"/>, the part every recogniser reads.</summary>
    internal static string Truncate(string text)
    {
        if (text.Length <= MaxCharacters)
        {
            return text;
        }
        // Never cut an emoji in half: a lone surrogate is not valid text.
        return text[..(char.IsHighSurrogate(text[MaxCharacters - 1]) ? MaxCharacters - 1 : MaxCharacters)];
    }
}
