namespace GuidanceBot.Places;

/// <summary>
/// One province's commune-level units since 2025-07-01 and what they were formed from (a validated
/// <c>dialogs/places/&lt;province&gt;.yaml</c>), and recognition of the place a citizen names.
/// </summary>
public sealed class PlaceDirectory
{
    private readonly Dictionary<string, Commune> _byId;
    private readonly PlaceRecognizer _recognizer;

    internal PlaceDirectory(string province, string name, DateOnly effective, IReadOnlyList<PlaceSource> sources,
        IReadOnlyList<Commune> communes, string file)
    {
        Province = province;
        Name = name;
        Effective = effective;
        Sources = sources;
        Communes = communes;
        File = file;
        _byId = communes.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _recognizer = new PlaceRecognizer(name, communes);
    }

    /// <summary>The province id, e.g. "thanh-hoa" (the file's name).</summary>
    public string Province { get; }

    /// <summary>The province's name, e.g. "Thanh Hóa".</summary>
    public string Name { get; }

    /// <summary>The day these units took effect.</summary>
    public DateOnly Effective { get; }

    public IReadOnlyList<PlaceSource> Sources { get; }

    /// <summary>The units in file order.</summary>
    public IReadOnlyList<Commune> Communes { get; }

    /// <summary>The file they were read from.</summary>
    public string File { get; }

    /// <summary>The commune with this id, or null.</summary>
    public Commune? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The commune a citizen's text names, by its name or a former unit's (with or without diacritics, with or without
    /// xã/phường/thị trấn/P./TT., one typing error away, narrowed by a former district), inside a sentence too.
    /// The text is neither kept nor logged.
    /// </summary>
    public PlaceMatch Recognize(string text) => _recognizer.Recognize(text);
}
