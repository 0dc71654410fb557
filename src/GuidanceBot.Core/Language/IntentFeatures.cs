using System.Buffers;
using System.Runtime.InteropServices;

namespace GuidanceBot.Language;

/// <summary>
/// The sparse features both trained recognisers read from a prepared message, counted: the words typed with diacritics,
/// the folded words and folded word pairs (the word block), and the character 3- to 5-grams of the folded words joined
/// by spaces (the character block). Character n-grams absorb typos, missing letters and word splits ("dangky"); word
/// and word-pair features keep two-word terms ("tam tru") ahead of their parts. The vocabulary is what the training
/// examples contain; a message's other features are only counted, as <see cref="Counts.Unseen"/>.
/// </summary>
internal sealed class IntentFeatures
{
    /// <summary>The features of one text that are in the vocabulary, ids ascending, and how many were not.</summary>
    public readonly record struct Counts(int[] Ids, int[] Values, int Unseen)
    {
        public int Length => Ids.Length;
    }

    private const int SmallestCharGram = 3;
    private const int LargestCharGram = 5;

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ids;
    private readonly bool[] _isCharGram;

    private IntentFeatures(Dictionary<string, int> ids, bool[] isCharGram)
    {
        _ids = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _isCharGram = isCharGram;
    }

    /// <summary>Size of the vocabulary; ids run from 0 to this, exclusive.</summary>
    public int Count => _isCharGram.Length;

    /// <summary>True for a character n-gram, false for a word, accented word or word pair.</summary>
    public bool IsCharGram(int id) => _isCharGram[id];

    /// <summary>Learns the vocabulary of <paramref name="texts"/> and counts each text's features in it.</summary>
    public static (IntentFeatures Features, Counts[] PerText) Learn(IReadOnlyList<PreparedText> texts)
    {
        var collector = new VocabularyCollector();
        foreach (var text in texts)
        {
            Visit(text, collector);
        }
        var features = new IntentFeatures(collector.Ids, [.. collector.IsCharGram]);
        return (features, texts.Select(features.CountIn).ToArray());
    }

    /// <summary>The counted features of one prepared message.</summary>
    public Counts CountIn(PreparedText text)
    {
        var counter = new Counter(this);
        Visit(text, counter);
        return counter.ToCounts();
    }

    private interface ISink
    {
        void Add(ReadOnlySpan<char> feature, bool isCharGram);
    }

    private sealed class VocabularyCollector : ISink
    {
        public Dictionary<string, int> Ids { get; } = new(StringComparer.Ordinal);
        public List<bool> IsCharGram { get; } = [];

        public void Add(ReadOnlySpan<char> feature, bool isCharGram)
        {
            var lookup = Ids.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.ContainsKey(feature))
            {
                lookup[feature] = Ids.Count;
                IsCharGram.Add(isCharGram);
            }
        }
    }

    private sealed class Counter(IntentFeatures features) : ISink
    {
        private readonly List<int> _seen = new(256);
        private int _unseen;

        public void Add(ReadOnlySpan<char> feature, bool isCharGram)
        {
            if (features._ids.TryGetValue(feature, out var id))
            {
                _seen.Add(id);
            }
            else
            {
                _unseen++;
            }
        }

        public Counts ToCounts()
        {
            var seen = CollectionsMarshal.AsSpan(_seen);
            seen.Sort();
            var distinct = 0;
            for (var i = 0; i < seen.Length; i++)
            {
                distinct += i == 0 || seen[i] != seen[i - 1] ? 1 : 0;
            }
            var ids = new int[distinct];
            var values = new int[distinct];
            var at = -1;
            for (var i = 0; i < seen.Length; i++)
            {
                if (i == 0 || seen[i] != seen[i - 1])
                {
                    ids[++at] = seen[i];
                }
                values[at]++;
            }
            return new Counts(ids, values, _unseen);
        }
    }

    /// <summary>Hands every feature of <paramref name="text"/> to <paramref name="sink"/>, built in one buffer rather than as strings.</summary>
    private static void Visit<TSink>(PreparedText text, TSink sink) where TSink : ISink
    {
        var words = text.Words;
        var longest = 0;
        var joinedLength = 2 + Math.Max(0, words.Count - 1);
        foreach (var word in words)
        {
            longest = Math.Max(longest, word.Length);
            joinedLength += word.Length;
        }
        foreach (var word in text.AccentedWords)
        {
            longest = Math.Max(longest, word.Length);
        }
        var rented = ArrayPool<char>.Shared.Rent(Math.Max(3 + 2 * longest, joinedLength));
        try
        {
            var buffer = rented.AsSpan();
            foreach (var word in text.AccentedWords)
            {
                sink.Add(Prefixed(buffer, "d:", word), false);
            }
            for (var i = 0; i < words.Count; i++)
            {
                sink.Add(Prefixed(buffer, "w:", words[i]), false);
                if (i + 1 < words.Count)
                {
                    var pair = Prefixed(buffer, "p:", words[i]);
                    buffer[pair.Length] = '_';
                    words[i + 1].CopyTo(buffer[(pair.Length + 1)..]);
                    sink.Add(buffer[..(pair.Length + 1 + words[i + 1].Length)], false);
                }
            }
            // " word word " with a space at each end, so n-grams know where words start and end.
            var joined = buffer[..joinedLength];
            joined[0] = ' ';
            var position = 1;
            foreach (var word in words)
            {
                word.CopyTo(joined[position..]);
                position += word.Length;
                joined[position++] = ' ';
            }
            joined[^1] = ' ';
            for (var n = SmallestCharGram; n <= LargestCharGram; n++)
            {
                for (var i = 0; i + n <= joined.Length; i++)
                {
                    sink.Add(joined.Slice(i, n), true);
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static Span<char> Prefixed(Span<char> buffer, string prefix, string word)
    {
        prefix.CopyTo(buffer);
        word.CopyTo(buffer[prefix.Length..]);
        return buffer[..(prefix.Length + word.Length)];
    }
}
