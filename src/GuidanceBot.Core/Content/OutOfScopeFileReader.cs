using YamlDotNet.RepresentationModel;

namespace GuidanceBot.Content;

/// <summary>Reads one file of dialogs/out-of-scope/ and reports every problem it has on its own.</summary>
internal sealed class OutOfScopeFileReader : ContentFileReader
{
    private static readonly string[] TopicFields = ["id", "title", "answer", "links", "utterances"];

    private NamedReference? _topicId;

    private OutOfScopeFileReader(string file) : base(file)
    {
    }

    protected override string IdExample => "toa-an";

    public static ParsedOutOfScopeFile Read(string file, string yaml)
    {
        var reader = new OutOfScopeFileReader(file);
        var root = reader.ParseRoot(yaml,
            empty: "the file is empty: write one out-of-scope topic (see dialogs/README.md)",
            oneOnly: "one out-of-scope topic per file",
            notMapping: "an out-of-scope file is a mapping of fields (id, title, answer, …), see dialogs/README.md",
            unique: "each field");
        var topic = root is null ? null : reader.ReadTopic(root);
        return new ParsedOutOfScopeFile(file, reader.Errors.Count == 0 ? topic : null, reader.Errors, reader._topicId, reader.LinkReferences);
    }

    private OutOfScopeTopic? ReadTopic(YamlMappingNode root)
    {
        var fields = Fields(root, "the topic", TopicFields);
        var id = Required(fields, "id", root, "the topic") is { } idNode ? Id(idNode, "id") : null;
        if (id is not null)
            _topicId = Reference(id, fields["id"].Value);
        var title = Required(fields, "title", root, "the topic") is { } titleNode ? Text(titleNode, "title") : null;
        var answer = Required(fields, "answer", root, "the topic") is { } answerNode ? Text(answerNode, "answer") : null;
        var links = Optional(fields, "links") is { } linksNode ? Links(linksNode, "links") : [];
        var (vi, en) = Required(fields, "utterances", root, "the topic") is { } utterancesNode ? Utterances(utterancesNode) : (null, null);
        return Errors.Count > 0 || id is null || title is null || answer is null || vi is null || en is null
            ? null
            : new OutOfScopeTopic(id, title, answer, links, vi, en, SourceFile);
    }
}
