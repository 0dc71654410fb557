using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Fields = System.Collections.Generic.Dictionary<string, (YamlDotNet.RepresentationModel.YamlScalarNode Key, YamlDotNet.RepresentationModel.YamlNode Value)>;

namespace GuidanceBot.Content;

/// <summary>
/// What the readers of content files (flows, out-of-scope topics, places) share: YamlDotNet's representation model, so every node keeps its
/// line and column, and node helpers that report what is wrong at the node and return null, so reading goes on and
/// every error of a file is found, not only the first.
/// </summary>
internal abstract partial class ContentFileReader(string file)
{
    public const int MaxTextLength = 2000;
    public const int MinUtterances = 8;

    protected static readonly string[] TextFields = ["vi", "en"];
    protected static readonly string[] LinkFields = ["id", "label", "url"];

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    protected static partial Regex KebabCase();

    /// <summary>The file as named in error messages.</summary>
    protected string SourceFile { get; } = file;

    protected List<ContentError> Errors { get; } = [];

    /// <summary>The link ids the file defines, for the check that they are unique across all files.</summary>
    protected List<NamedReference> LinkReferences { get; } = [];

    /// <summary>An id written the way the file's ids are, for error messages ("tam-tru").</summary>
    protected abstract string IdExample { get; }

    /// <summary>The root mapping of a file of one YAML document, or null with the error.</summary>
    /// <param name="oneOnly">Why a second document is an error: "one flow per file".</param>
    /// <param name="unique">What must be unique in a mapping: "each field and step id".</param>
    protected YamlMappingNode? ParseRoot(string yaml, string empty, string oneOnly, string notMapping, string unique)
    {
        var parser = new Parser(new StringReader(yaml));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e) when (e.Message.StartsWith("Duplicate key ", StringComparison.Ordinal))
        {
            Error(e.Start, $"'{e.Message["Duplicate key ".Length..]}' appears twice in the same mapping: {unique} may appear only once");
            return null;
        }
        catch (YamlException e)
        {
            Error(e.Start, $"YAML: {e.Message}");
            return null;
        }
        catch (Exception)
        {
            // YamlDotNet's scanner fails on some malformed input (e.g. an unclosed '[') without a position:
            // point at the end of the last thing it did read.
            Error(parser.Current?.End ?? new Mark(0, 1, 1), "YAML: the file cannot be read after this point (an unclosed bracket or quote?)");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            Errors.Add(new ContentError(SourceFile, 1, 1, empty));
            return null;
        }
        if (stream.Documents.Count > 1)
            Error(stream.Documents[1].RootNode, $"{oneOnly}: remove the second YAML document (after '---')");

        if (stream.Documents[0].RootNode is YamlMappingNode root)
            return root;
        Error(stream.Documents[0].RootNode, notMapping);
        return null;
    }

    /// <summary>The scalar keys of a mapping; a key outside <paramref name="known"/> is reported.</summary>
    protected Fields Fields(YamlMappingNode map, string where, IReadOnlyCollection<string> known)
    {
        var fields = new Fields(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } name } key)
            {
                Error(keyNode, $"a field name in {where} should be a single word");
                continue;
            }
            if (!known.Contains(name))
            {
                var suggestion = SpellingSuggestion.DidYouMean(name, known);
                Error(key, suggestion.Length > 0
                    ? $"unknown field '{name}' in {where}{suggestion}"
                    : $"unknown field '{name}' in {where}: use {string.Join(", ", known)}");
                continue;
            }
            fields[name] = (key, value);
        }
        return fields;
    }

    protected YamlNode? Required(Fields fields, string name, YamlNode owner, string where)
    {
        if (fields.TryGetValue(name, out var entry))
            return entry.Value;
        Error(owner, $"{where} has no '{name}'");
        return null;
    }

    protected static YamlNode? Optional(Fields fields, string name) =>
        fields.TryGetValue(name, out var entry) ? entry.Value : null;

    protected YamlMappingNode? Mapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode map)
            return map;
        Error(node, $"{what} should be a mapping of fields (name: value)");
        return null;
    }

    protected IReadOnlyList<YamlNode> Sequence(YamlNode node, string what)
    {
        if (node is YamlSequenceNode seq)
            return seq.Children.ToList();
        Error(node, $"{what} should be a list (- item, or [a, b])");
        return [];
    }

    /// <summary>A non-empty single value of at most <see cref="MaxTextLength"/> characters.</summary>
    protected string? Scalar(YamlNode node, string what)
    {
        if (node is not YamlScalarNode scalar)
        {
            Error(node, $"{what} should be a single value, not a list or mapping");
            return null;
        }
        var value = scalar.Value ?? "";
        if (string.IsNullOrWhiteSpace(value) || scalar.Style == ScalarStyle.Plain && value is "~" or "null" or "Null" or "NULL")
        {
            Error(node, $"{what} is empty");
            return null;
        }
        if (value.Length > MaxTextLength)
            Error(node, $"{what} is {value.Length:N0} characters long: the limit is {MaxTextLength:N0}");
        return value;
    }

    /// <summary>An id being defined: kebab-case.</summary>
    protected string? Id(YamlNode node, string what)
    {
        var id = Scalar(node, what);
        if (id is not null && !KebabCase().IsMatch(id))
            Error(node, $"'{id}' ({what}) is not a kebab-case id: use lower-case letters a-z without diacritics, digits and single hyphens, e.g. '{IdExample}'");
        return id;
    }

    protected string? Url(YamlNode node, string what)
    {
        var url = Scalar(node, what);
        if (url is null)
            return null;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            return url;
        Error(node, $"{what} '{url}' is not a web address starting with https://");
        return null;
    }

    /// <summary>A date written YYYY-MM-DD.</summary>
    protected DateOnly? Date(YamlNode node, string what, string example)
    {
        if (Scalar(node, what) is not { } text)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Error(node, $"{what} '{text}' is not a date written as YYYY-MM-DD, e.g. {example}");
        return null;
    }

    protected (IReadOnlyList<string>? Vi, IReadOnlyList<string>? En) Utterances(YamlNode node)
    {
        if (Mapping(node, "utterances") is not { } map)
            return (null, null);
        var fields = Fields(map, "utterances", TextFields);
        return (Language("vi", "Vietnamese"), Language("en", "English"));

        IReadOnlyList<string>? Language(string language, string name)
        {
            if (!fields.TryGetValue(language, out var entry))
            {
                Error(map, $"utterances has no {language} list: write at least {MinUtterances} ways a citizen asks for this in {name}");
                return null;
            }
            var utterances = Sequence(entry.Value, $"utterances.{language}")
                .Select(item => Scalar(item, $"utterances.{language}"))
                .OfType<string>()
                .ToArray();
            var different = utterances.Select(u => u.Trim().ToLowerInvariant()).Distinct().Count();
            if (different < MinUtterances)
            {
                Error(entry.Value, $"utterances.{language} has {different} different utterance(s): write at least {MinUtterances}");
                return null;
            }
            return utterances;
        }
    }

    protected IReadOnlyList<FlowLink> Links(YamlNode node, string where)
    {
        var links = new List<FlowLink>();
        var items = Sequence(node, where);
        for (var i = 0; i < items.Count; i++)
        {
            var itemWhere = $"{where}[{i + 1}]";
            if (Mapping(items[i], itemWhere) is not { } map)
                continue;
            var fields = Fields(map, itemWhere, LinkFields);
            var id = Required(fields, "id", map, itemWhere) is { } idNode ? Id(idNode, $"{itemWhere}.id") : null;
            if (id is not null)
                LinkReferences.Add(Reference(id, fields["id"].Value));
            var label = Required(fields, "label", map, itemWhere) is { } l ? Text(l, $"{itemWhere}.label") : null;
            var url = Required(fields, "url", map, itemWhere) is { } u ? Url(u, $"{itemWhere}.url") : null;
            if (id is not null && label is not null && url is not null)
                links.Add(new FlowLink(id, label, url));
        }
        return links;
    }

    protected LocalizedText? Text(YamlNode node, string what)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, $"{what} should be a text with vi and en, e.g. {{ vi: \"…\", en: \"…\" }}");
            return null;
        }
        var fields = Fields(map, what, TextFields);
        string? vi = null;
        if (fields.TryGetValue("vi", out var viEntry))
            vi = Scalar(viEntry.Value, $"{what}.vi");
        else
            Error(map, $"{what} has no vi text: Vietnamese is required");
        var en = fields.TryGetValue("en", out var enEntry) ? Scalar(enEntry.Value, $"{what}.en") : null;
        return vi is null ? null : new LocalizedText(vi, en);
    }

    protected NamedReference Reference(string id, YamlNode node) =>
        new(id, SourceFile, checked((int)node.Start.Line), checked((int)node.Start.Column));

    protected void Error(YamlNode node, string message) => Error(node.Start, message);

    protected void Error(Mark mark, string message) =>
        Errors.Add(new ContentError(SourceFile, checked((int)mark.Line), checked((int)mark.Column), message));
}
