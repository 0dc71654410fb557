namespace GuidanceBot.Language;

/// <summary>One line of an evaluation set: what a citizen typed and the flow id it asks for (or <see cref="None"/>).</summary>
public sealed record LabelledUtterance(string Text, string Expected)
{
    /// <summary>The label of a message no flow answers; recognisers answer it by scoring below the strong-match threshold.</summary>
    public const string None = "none";

    /// <summary>Reads <c>utterance⇥expected-id</c> lines; blank lines and lines starting with <c>#</c> are skipped.</summary>
    public static IReadOnlyList<LabelledUtterance> ReadTsv(TextReader reader)
    {
        var result = new List<LabelledUtterance>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var tab = line.LastIndexOf('\t');
            if (tab <= 0 || tab == line.Length - 1)
            {
                throw new FormatException($"Line {lineNumber}: expected 'utterance<TAB>flow-id', got '{line}'.");
            }
            result.Add(new LabelledUtterance(line[..tab].Trim(), line[(tab + 1)..].Trim()));
        }
        return result;
    }

    /// <summary>True when the text has no Vietnamese diacritic (typed "không dấu", or English).</summary>
    public bool IsUnaccented
    {
        get
        {
            var normalized = VietnameseText.Normalize(Text);
            return VietnameseText.StripDiacritics(normalized) == normalized;
        }
    }
}
