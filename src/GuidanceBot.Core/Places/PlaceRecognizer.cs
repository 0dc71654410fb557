using System.Buffers;
using GuidanceBot.Language;

namespace GuidanceBot.Places;

/// <summary>
/// Recognises a province's places in free text. Every name is normalised once, at load, into indexes keyed by its
/// unaccented words; a text is normalised once per call and looked up window by window without building strings.
/// </summary>
/// <remarks>
/// A name counts only where the text marks it as a place: after xã/phường/thị trấn (or x./p./tt.), after ở/tại/thuộc,
/// before "cũ", as the whole reply ("Điện Biên ạ") or at the start of a question about it ("Thiệu Dương giờ thuộc
/// đâu?"). Many names are also words ("Thành Công", "Thắng Lợi", "Tân Tiến"), and this runs on every message, so a
/// name in passing is not a place. Typos are looked for only after xã/phường/thị trấn or in a whole reply.
/// </remarks>
internal sealed class PlaceRecognizer
{
    private const int MaxTextLength = 2_000;
    private const int MaxKeyLength = 64;
    // One edit away is a typo only for names this long (unaccented, with the space): shorter ones are too close to words.
    private const int MinTypoKeyLength = 6;
    private const int MaxTypoKeys = 16;

    // Words that may follow a name given as the whole reply ("Điện Biên ạ") or come before it ("dạ, Điện Biên").
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Particles =
        new HashSet<string>(["a", "ah", "ak", "nhe", "nha", "oi", "day", "ha", "ne", "vay"], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Fillers =
        new HashSet<string>(["da", "vang", "ok", "u", "uh", "um"], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly Dictionary<string, Entry[]>.AlternateLookup<ReadOnlySpan<char>> _names;
    private readonly Dictionary<string, FormerDistrict[]>.AlternateLookup<ReadOnlySpan<char>> _districts;
    private readonly Dictionary<FormerDistrict, Commune[]> _byDistrict;
    private readonly string[] _typoKeys;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _typoKeyIds;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _deletes;
    private readonly string _provinceKey;
    private readonly int _provinceWords;
    private readonly int _maxNameWords;
    private readonly int _maxDistrictWords;

    /// <summary>A name a commune answers to: its own (Former null) or that of a unit it was formed from.</summary>
    /// <param name="Accented">The name normalised with its diacritics, to prefer "Đồng Tiến" over "Đông Tiến" when typed so.</param>
    /// <param name="SharedName">Other former units have this name too: say which district when naming it.</param>
    private sealed record Entry(Commune Commune, FormerUnit? Former, CommuneKind Kind, string Accented, bool SharedName);

    private enum Cue
    {
        None,
        Start,
        Locative,
        Kind,
        District,
    }

    public PlaceRecognizer(string province, IReadOnlyList<Commune> communes)
    {
        _provinceKey = Key(province);
        _provinceWords = WordCount(_provinceKey);
        var formerNames = communes.SelectMany(c => c.From).SelectMany(f => f.Aka.Prepend(f.Name)).Select(Key)
            .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var names = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        void Add(string name, Entry entry)
        {
            var key = Key(name);
            if (!names.TryGetValue(key, out var list))
                names[key] = list = [];
            list.Add(entry);
        }
        // Current names first, so a commune's own name comes before the former units that share it.
        foreach (var commune in communes)
            Add(commune.Name, new Entry(commune, null, commune.Kind, VietnameseText.Normalize(commune.Name), false));
        foreach (var commune in communes)
        {
            foreach (var former in commune.From)
            {
                foreach (var name in former.Aka.Prepend(former.Name))
                    Add(name, new Entry(commune, former, former.Kind, VietnameseText.Normalize(name), formerNames[Key(former.Name)] > 1));
            }
        }
        _names = names.ToDictionary(n => n.Key, n => n.Value.ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _maxNameWords = names.Keys.Max(WordCount);

        var districts = communes.SelectMany(c => c.From).Select(f => f.District).Distinct().ToArray();
        _districts = districts.GroupBy(d => Key(d.Name))
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _maxDistrictWords = districts.Max(d => WordCount(Key(d.Name)));
        _byDistrict = districts.ToDictionary(d => d, d => communes.Where(c => c.From.Any(f => f.District == d)).ToArray());

        // Typos: every long enough key, and every key with one character deleted (a symmetric-delete index).
        _typoKeys = names.Keys.Where(k => k.Length >= MinTypoKeyLength).ToArray();
        _typoKeyIds = _typoKeys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _deletes = _typoKeys.SelectMany((k, i) => Enumerable.Range(0, k.Length).Select(p => (Variant: k.Remove(p, 1), Id: i)))
            .GroupBy(d => d.Variant)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Id).Distinct().ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public PlaceMatch Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
            return PlaceMatch.Unknown.Instance;
        var accented = VietnameseText.Normalize(text.Length > MaxTextLength ? text[..MaxTextLength] : text);
        // One character for one, so a word's position is the same in both.
        var folded = VietnameseText.StripDiacritics(accented);
        var bounds = ArrayPool<int>.Shared.Rent(folded.Length + 2);
        try
        {
            var words = new Words(accented, folded, bounds);
            return Recognize(words);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(bounds);
        }
    }

    private PlaceMatch Recognize(Words words)
    {
        if (words.Count == 0)
            return PlaceMatch.Unknown.Instance;
        var markedDistrict = FindMarkedDistrict(words);
        FormerDistrict? bareDistrict = null;
        var first = 0;
        while (first < words.Count && Fillers.Contains(words.Folded(first)))
            first++;

        Span<char> key = stackalloc char[MaxKeyLength];
        Span<char> typed = stackalloc char[MaxKeyLength];
        for (var typo = 0; typo < 2; typo++)
        {
            for (var i = first; i < words.Count; i++)
            {
                var (cue, kind) = CueBefore(words, i, first);
                // After ở/tại a typo would turn ordinary words into places ("ở thành phố …" is one edit from "Thành Thọ").
                if (cue is Cue.District || typo == 1 && cue is Cue.None or Cue.Locative || MarkedDistrictAt(words, i))
                    continue;
                // "ở phuong nghi son" is phường Nghi Sơn rather than xã Phượng Nghi and a stray word: a kind word that
                // a name follows is read as the kind.
                if (cue is not Cue.Kind && CueBefore(words, i + 1, first).Cue is Cue.Kind && NameStartsAt(words, i + 1))
                    continue;
                // Without xã/phường before it, the province's name is the province ("ở Thanh Hóa", not xã Thanh Hòa) and
                // a former district's name the district ("ở Hoằng Hóa"), unless a longer commune name starts there.
                var provinceLength = cue is Cue.Kind ? 0 : ProvinceAt(words, i);
                var districtLength = 0;
                var districtHere = cue is Cue.Locative or Cue.Start ? DistrictAt(words, i, out districtLength) : null;
                if (districtHere is not null && (districtLength <= provinceLength || cue is Cue.Start && !OnlyParticles(words, i + districtLength)))
                    districtHere = null;
                for (var length = Math.Min(_maxNameWords + (typo == 1 ? 1 : 0), words.Count - i); length >= 1; length--)
                {
                    if (length <= provinceLength)
                        break;
                    if (districtHere is not null && length <= districtLength)
                    {
                        bareDistrict ??= districtHere;
                        break;
                    }
                    // A one-word name ("Nưa") is a place only after xã/phường/thị trấn or as the whole reply.
                    if (length == 1 && cue is Cue.Locative or Cue.None)
                        continue;
                    var keyLength = words.Join(i, length, key, folded: true);
                    if (keyLength <= 0)
                        continue;
                    var entries = typo == 0 ? Exact(key[..keyLength]) : Typos(key[..keyLength]);
                    if (entries.Count == 0)
                        continue;
                    var (former, kindAfter, district, end) = Qualifiers(words, i + length);
                    kind ??= kindAfter;
                    // Anywhere in a sentence a name followed by "cũ" or "ward" is a place; at its start, also one followed
                    // by what is asked about places ("Thiệu Dương giờ thuộc đâu?"), or nothing but particles.
                    var marked = former || kindAfter is not null;
                    if (cue is Cue.None && !marked || cue is Cue.Start && !marked && !OnlyParticles(words, end) && !AsksWhere(words, end))
                        continue;
                    if (length == 1 && cue is Cue.Start && end != words.Count)
                        continue;
                    var typedLength = words.Join(i, length, typed, folded: false);
                    // A text typed with diacritics means them where it has none too ("Nga Thanh" is not "Nga Thành").
                    ReadOnlySpan<char> accents = typo == 0 && typedLength > 0 && words.HasDiacritics ? typed[..typedLength] : default;
                    // A one-word name typed with other diacritics is another word ("nữa" is not thị trấn Nưa).
                    if (length == 1 && accents.Length > 0 && AllConflict(entries, accents))
                        continue;
                    return Resolve(entries, kind, former, district ?? markedDistrict, accents, typo == 1);
                }
            }
        }

        if ((markedDistrict ?? bareDistrict) is { } named && _byDistrict.TryGetValue(named, out var spanned))
        {
            // The commune named after the district (often its former seat) first: "Hà Trung" may mean either.
            spanned = spanned.OrderBy(c => Key(c.Name) == Key(named.Name) ? 0 : 1).ToArray();
            return spanned.Length == 1
                ? new PlaceMatch.Found(spanned[0], null, false, null)
                : new PlaceMatch.Ambiguous(spanned.Select(c => new PlaceCandidate(c, null, PlaceWording.Label(c, null))).ToArray(), AmbiguityReason.FormerDistrict);
        }
        return PlaceMatch.Unknown.Instance;
    }

    private enum Fit
    {
        Same,
        Fewer,
        Conflicting,
    }

    /// <summary>How the diacritics typed agree with a name's: the same, some left out ("Ham Rồng"), or others ("Hàm Rông").</summary>
    private static Fit AccentFit(ReadOnlySpan<char> typed, string accented)
    {
        if (typed.Length != accented.Length)
            return Fit.Conflicting;
        var fit = Fit.Same;
        for (var i = 0; i < typed.Length; i++)
        {
            if (typed[i] == accented[i])
                continue;
            if (!char.IsAscii(typed[i]))
                return Fit.Conflicting;
            fit = Fit.Fewer;
        }
        return fit;
    }

    private static bool AllConflict(IReadOnlyList<Entry> entries, ReadOnlySpan<char> typed)
    {
        foreach (var entry in entries)
        {
            if (AccentFit(typed, entry.Accented) != Fit.Conflicting)
                return false;
        }
        return true;
    }

    /// <summary>The number of words of the province's name at <paramref name="i"/> ("Thanh Hóa"), 0 when it is not there.</summary>
    private int ProvinceAt(Words words, int i)
    {
        if (i + _provinceWords > words.Count)
            return 0;
        Span<char> key = stackalloc char[MaxKeyLength];
        var keyLength = words.Join(i, _provinceWords, key, folded: true);
        return keyLength > 0 && key[..keyLength].SequenceEqual(_provinceKey) ? _provinceWords : 0;
    }

    private IReadOnlyList<Entry> Exact(ReadOnlySpan<char> key) => _names.TryGetValue(key, out var entries) ? entries : [];

    /// <summary>The entries of every name one edit (a letter dropped, added, changed, or two swapped) from <paramref name="text"/>.</summary>
    private IReadOnlyList<Entry> Typos(ReadOnlySpan<char> text)
    {
        if (text.Length < MinTypoKeyLength - 1)
            return [];
        Span<int> ids = stackalloc int[MaxTypoKeys];
        var count = 0;
        // A letter dropped: the text is a key with one letter deleted.
        if (_deletes.TryGetValue(text, out var dropped))
        {
            foreach (var id in dropped)
                Add(ids, ref count, id);
        }
        Span<char> shorter = stackalloc char[text.Length];
        for (var p = 0; p < text.Length; p++)
        {
            text[..p].CopyTo(shorter);
            text[(p + 1)..].CopyTo(shorter[p..]);
            var variant = shorter[..(text.Length - 1)];
            // A letter added: deleting it gives a key.
            if (_typoKeyIds.TryGetValue(variant, out var added))
                Add(ids, ref count, added);
            // A letter changed or two swapped: both sides lose one letter to meet; the distance check drops wider pairs.
            if (_deletes.TryGetValue(variant, out var near))
            {
                foreach (var id in near)
                {
                    if (_typoKeys[id].Length == text.Length && OneEditApart(text, _typoKeys[id]))
                        Add(ids, ref count, id);
                }
            }
        }
        if (count == 0)
            return [];
        var entries = new List<Entry>();
        foreach (var id in ids[..count])
            entries.AddRange(_names.TryGetValue(_typoKeys[id], out var e) ? e : []);
        return entries;
    }

    private static void Add(Span<int> ids, ref int count, int id)
    {
        if (count < ids.Length && !ids[..count].Contains(id))
            ids[count++] = id;
    }

    /// <summary>Same-length strings that differ by one changed letter or one swap of neighbours.</summary>
    private static bool OneEditApart(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var first = a.CommonPrefixLength(b);
        if (first == a.Length)
            return false;
        if (a[(first + 1)..].SequenceEqual(b[(first + 1)..]))
            return true;
        return first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first] && a[(first + 2)..].SequenceEqual(b[(first + 2)..]);
    }

    /// <summary>Chooses among the units a name matches, by what else the text says: the kind, "cũ", a former district.</summary>
    private static PlaceMatch Resolve(IReadOnlyList<Entry> entries, CommuneKind? kind, bool former, FormerDistrict? district,
        ReadOnlySpan<char> typed, bool corrected)
    {
        var pool = entries;
        if (typed.Length > 0)
        {
            // Diacritics typed tell "Đồng Tiến" from "Đông Tiến"; ones that fit no name are typing errors.
            var fits = new Dictionary<Entry, Fit>(entries.Count);
            foreach (var entry in entries)
                fits[entry] = AccentFit(typed, entry.Accented);
            pool = Prefer(Prefer(pool, e => fits[e] != Fit.Conflicting), e => fits[e] == Fit.Same);
            corrected |= pool.All(e => fits[e] == Fit.Conflicting);
        }
        if (district is not null)
            pool = Prefer(pool, e => e.Former is { } f ? f.District == district : e.Commune.From.Any(f => f.District == district));
        if (former)
            pool = Prefer(pool, e => e.Former is not null);

        var current = pool.Where(e => e.Former is null).ToArray();
        var formers = pool.Where(e => e.Former is not null).ToArray();
        IEnumerable<Entry> chosen;
        if (kind is { } k && current.Any(e => e.Kind == k))
            chosen = current.Where(e => e.Kind == k);
        else if (kind is { } k2 && formers.Any(e => e.Kind == k2))
            // People still mix up the kinds: the commune of that name stays a candidate beside the former units of that kind.
            chosen = current.Concat(formers.Where(e => e.Kind == k2));
        else
            chosen = current.Length > 0 ? current : formers;

        var candidates = chosen.DistinctBy(e => e.Commune).ToArray();
        if (candidates.Length == 1)
        {
            var only = candidates[0];
            return new PlaceMatch.Found(only.Commune, only.Former, corrected,
                only.Former is null ? null : PlaceWording.Explanation(only.Commune, only.Former, only.SharedName));
        }
        var split = candidates.All(c => c.Former is { Part: true } f && f == candidates[0].Former);
        return new PlaceMatch.Ambiguous(
            candidates.Select(c => new PlaceCandidate(c.Commune, c.Former, PlaceWording.Label(c.Commune, c.Former))).ToArray(),
            split ? AmbiguityReason.Split : AmbiguityReason.SameName);
    }

    private static IReadOnlyList<Entry> Prefer(IReadOnlyList<Entry> entries, Func<Entry, bool> predicate)
    {
        var preferred = entries.Where(predicate).ToArray();
        return preferred.Length > 0 ? preferred : entries;
    }

    /// <summary>What the words before position <paramref name="i"/> say about a name starting there.</summary>
    private static (Cue Cue, CommuneKind? Kind) CueBefore(Words words, int i, int first)
    {
        if (i == first)
            return (Cue.Start, null);
        if (i >= 2 && words.Is(i - 2, "thi"))
        {
            if (words.Is(i - 1, "tran"))
                return (Cue.Kind, CommuneKind.ThiTran);
            if (words.Is(i - 1, "xa"))
                return (Cue.District, null);
        }
        if (i >= 2 && words.Is(i - 2, "thanh") && words.Is(i - 1, "pho"))
            return (Cue.District, null);
        return words.Folded(i - 1) switch
        {
            "xa" or "x" => (Cue.Kind, CommuneKind.Xa),
            "phuong" or "p" => (Cue.Kind, CommuneKind.Phuong),
            "tt" => (Cue.Kind, CommuneKind.ThiTran),
            "huyen" or "h" or "quan" or "q" or "tx" or "tp" => (Cue.District, null),
            "o" or "tai" or "thuoc" or "in" or "at" => (Cue.Locative, null),
            _ => (Cue.None, null),
        };
    }

    /// <summary>The number of words of a district marker at <paramref name="i"/> (huyện, thị xã, TP., …), 0 when none.</summary>
    private static int DistrictMarker(Words words, int i)
    {
        if (i >= words.Count)
            return 0;
        if (i + 1 < words.Count && (words.Is(i, "thi") && words.Is(i + 1, "xa") || words.Is(i, "thanh") && words.Is(i + 1, "pho")))
            return 2;
        return words.Folded(i) is "huyen" or "h" or "quan" or "q" or "tx" or "tp" ? 1 : 0;
    }

    private bool NameStartsAt(Words words, int i)
    {
        Span<char> key = stackalloc char[MaxKeyLength];
        for (var length = Math.Min(_maxNameWords, words.Count - i); length >= 1; length--)
        {
            var keyLength = words.Join(i, length, key, folded: true);
            if (keyLength > 0 && _names.ContainsKey(key[..keyLength]))
                return true;
        }
        return false;
    }

    /// <summary>A district marker and a former district's name start at <paramref name="i"/> ("huyện Thọ Xuân", not "Quan Sơn").</summary>
    private bool MarkedDistrictAt(Words words, int i)
    {
        var marker = DistrictMarker(words, i);
        return marker > 0 && DistrictAt(words, i + marker, out _) is not null;
    }

    /// <summary>The first former district named after a marker anywhere in the text ("huyện Thọ Xuân").</summary>
    private FormerDistrict? FindMarkedDistrict(Words words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var marker = DistrictMarker(words, i);
            if (marker > 0 && DistrictAt(words, i + marker, out _) is { } district)
                return district;
        }
        return null;
    }

    /// <summary>The longest former district name starting at <paramref name="i"/>; the first of several with that name.</summary>
    private FormerDistrict? DistrictAt(Words words, int i, out int length)
    {
        Span<char> key = stackalloc char[MaxKeyLength];
        for (length = Math.Min(_maxDistrictWords, words.Count - i); length >= 1; length--)
        {
            var keyLength = words.Join(i, length, key, folded: true);
            if (keyLength > 0 && _districts.TryGetValue(key[..keyLength], out var districts))
                return districts[0];
        }
        length = 0;
        return null;
    }

    /// <summary>
    /// What follows a name: its kind in English ("Dien Bien ward"), "cũ", a former district with or without its marker,
    /// "cũ" again; and where that ends.
    /// </summary>
    private (bool Former, CommuneKind? Kind, FormerDistrict? District, int End) Qualifiers(Words words, int i)
    {
        var former = false;
        CommuneKind? kind = null;
        FormerDistrict? district = null;
        if (i < words.Count)
        {
            kind = words.Folded(i) switch
            {
                "ward" => CommuneKind.Phuong,
                "commune" => CommuneKind.Xa,
                "township" => CommuneKind.ThiTran,
                _ => null,
            };
            i += kind is null ? 0 : 1;
        }
        if (i < words.Count && words.Is(i, "cu"))
        {
            former = true;
            i++;
        }
        var marker = DistrictMarker(words, i);
        var tinh = marker == 0 && i < words.Count && words.Is(i, "tinh") ? 1 : 0;
        var province = marker == 0 ? ProvinceAt(words, i + tinh) : 0;
        if (province > 0)
        {
            // "xã Lam Sơn, (tỉnh) Thanh Hóa" names the province, not the former city of that name.
            i += tinh + province;
        }
        else if (DistrictAt(words, i + marker, out var length) is { } named)
        {
            district = named;
            i += marker + length;
        }
        if (i < words.Count && words.Is(i, "cu"))
        {
            former = true;
            i++;
        }
        return (former, kind, district, i);
    }

    /// <summary>The words after a name ask what became of it: "… nay/giờ/bây giờ thuộc …", "… sáp nhập …", "… trước đây …".</summary>
    private static bool AsksWhere(Words words, int i) =>
        i < words.Count && words.Folded(i) is "nay" or "gio" or "bay" or "thuoc" or "sap" or "truoc" or "hien";

    private static bool OnlyParticles(Words words, int from)
    {
        for (var i = from; i < words.Count; i++)
        {
            if (!Particles.Contains(words.Folded(i)))
                return false;
        }
        return true;
    }

    /// <summary>The unaccented words of a name joined by single spaces: the index key.</summary>
    private static string Key(string name) =>
        string.Join(' ', new string(VietnameseText.Fold(name).Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static int WordCount(string key) => key.Count(c => c == ' ') + 1;

    /// <summary>A text's words: runs of letters and digits, as positions into its accented and unaccented forms.</summary>
    private readonly ref struct Words
    {
        private readonly string _accented;
        private readonly string _folded;
        private readonly int[] _bounds;

        public Words(string accented, string folded, int[] bounds)
        {
            _accented = accented;
            _folded = folded;
            _bounds = bounds;
            var count = 0;
            for (var i = 0; i < folded.Length;)
            {
                if (!char.IsLetterOrDigit(folded[i]))
                {
                    i++;
                    continue;
                }
                var start = i;
                while (i < folded.Length && char.IsLetterOrDigit(folded[i]))
                    i++;
                bounds[2 * count] = start;
                bounds[2 * count + 1] = i;
                count++;
                if (2 * count + 1 >= bounds.Length)
                    break;
            }
            Count = count;
        }

        public int Count { get; }

        /// <summary>Some letter of the text has a diacritic (or is đ).</summary>
        public bool HasDiacritics => !ReferenceEquals(_accented, _folded) && !_accented.AsSpan().SequenceEqual(_folded);

        public ReadOnlySpan<char> Folded(int i) => _folded.AsSpan(_bounds[2 * i], _bounds[2 * i + 1] - _bounds[2 * i]);

        public bool Is(int i, string word) => Folded(i).SequenceEqual(word);

        /// <summary>Words [i, i+count) joined by single spaces into <paramref name="into"/>; -1 when they do not fit.</summary>
        public int Join(int i, int count, Span<char> into, bool folded)
        {
            var source = folded ? _folded : _accented;
            var length = 0;
            for (var w = i; w < i + count; w++)
            {
                var word = source.AsSpan(_bounds[2 * w], _bounds[2 * w + 1] - _bounds[2 * w]);
                var needed = word.Length + (w > i ? 1 : 0);
                if (length + needed > into.Length)
                    return -1;
                if (w > i)
                    into[length++] = ' ';
                word.CopyTo(into[length..]);
                length += word.Length;
            }
            return length;
        }
    }
}
