using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Fields = System.Collections.Generic.Dictionary<string, (YamlDotNet.RepresentationModel.YamlScalarNode Key, YamlDotNet.RepresentationModel.YamlNode Value)>;

namespace GuidanceBot.Content;

/// <summary>
/// Reads one flow file through YamlDotNet's representation model (so every node keeps its line and column)
/// and reports every problem the file has on its own; <see cref="FlowGraphCheck"/> checks its steps as a graph.
/// </summary>
internal sealed class FlowFileReader : ContentFileReader
{
    public const int MinChoices = 2;
    public const int MaxChoices = 5;

    private static readonly string[] FlowFields = ["id", "topic", "title", "summary", "source", "facts", "needs", "utterances", "start", "steps"];
    private static readonly string[] SourceFields = ["portal", "code", "url", "legal", "checked", "unconfirmed"];
    private static readonly string[] FactFields = [.. FactNames.All, "provinces"];
    private static readonly string[] ChoiceFields = ["label", "next"];
    private static readonly string[] DocumentFields = ["text", "when"];
    private static readonly string[] FeeFields = ["online", "inPerson", "provinces"];
    private static readonly string[] StepKinds = ["ask", "inform", "do", "call", "end"];

    private static readonly Dictionary<string, string[]> KindFields = new(StringComparer.Ordinal)
    {
        ["ask"] = ["ask", "choices", "help"],
        ["inform"] = ["inform", "documents", "fee", "time", "links", "next", "help"],
        ["do"] = ["do", "stuck", "links", "next", "help"],
        ["call"] = ["call", "next", "on", "help"],
        ["end"] = ["end", "say", "help"],
    };

    private static readonly string[] StepFields = KindFields.Values.SelectMany(f => f).Distinct().ToArray();

    private readonly List<CallDraft> _calls = [];
    private readonly List<string> _endOutcomes = [];
    private readonly List<NamedReference> _needs = [];
    private NamedReference? _flowId;

    private FlowFileReader(string file)
        : base(file)
    {
    }

    protected override string IdExample => "tam-tru";

    public static ParsedFlowFile Read(string file, string yaml, string contentVersion)
    {
        var reader = new FlowFileReader(file);
        var root = reader.Parse(yaml);
        var flow = root is null ? null : reader.ReadFlow(root, contentVersion);
        return new ParsedFlowFile(file, reader.Errors.Count == 0 ? flow : null, reader.Errors,
            reader._flowId, reader.LinkReferences, reader._calls, reader._needs, reader._endOutcomes);
    }

    private YamlMappingNode? Parse(string yaml) => ParseRoot(yaml,
        empty: "the file is empty: write one flow (see dialogs/README.md)",
        oneOnly: "one flow per file",
        notMapping: "a flow file is a mapping of fields (id, topic, title, …), see dialogs/README.md",
        unique: "each field and step id");

    private FlowDefinition? ReadFlow(YamlMappingNode root, string contentVersion)
    {
        var fields = Fields(root, "the flow", FlowFields);

        var id = Required(fields, "id", root, "the flow") is { } idNode ? Id(idNode, "id") : null;
        if (id is not null)
            _flowId = Reference(id, fields["id"].Value);

        string? topic = null;
        if (Required(fields, "topic", root, "the flow") is { } topicNode && Scalar(topicNode, "topic") is { } t)
        {
            if (Topics.IsKnown(t))
                topic = t;
            else
                Error(topicNode, $"unknown topic '{t}': use one of {string.Join(", ", Topics.All)}");
        }

        var title = Required(fields, "title", root, "the flow") is { } titleNode ? Text(titleNode, "title") : null;
        var summary = Optional(fields, "summary") is { } summaryNode ? Text(summaryNode, "summary") : null;
        var source = Required(fields, "source", root, "the flow") is { } sourceNode ? Source(sourceNode) : null;
        var facts = Optional(fields, "facts") is { } factsNode ? Facts(factsNode) : FlowFacts.None;
        var needs = Optional(fields, "needs") is { } needsNode ? Needs(needsNode, id) : [];
        var (vi, en) = Required(fields, "utterances", root, "the flow") is { } utterancesNode ? Utterances(utterancesNode) : (null, null);
        var startNode = Required(fields, "start", root, "the flow");
        var start = startNode is null ? null : Name(startNode, "start");

        List<StepDraft>? steps = null;
        if (Required(fields, "steps", root, "the flow") is { } stepsNode)
        {
            steps = Steps(stepsNode);
            FlowGraphCheck.Check(steps, start, startNode, Errors, SourceFile);
        }

        if (Errors.Count > 0 || id is null || topic is null || title is null || source is null || facts is null || vi is null || en is null
            || start is null || steps is null || steps.Any(s => s.Definition is null))
            return null;

        return new FlowDefinition(id, topic, title, summary, source, facts, needs, vi, en, start,
            steps.Select(s => s.Definition!).ToArray(), contentVersion, SourceFile);
    }

    private FlowSource? Source(YamlNode node)
    {
        if (Mapping(node, "source") is not { } map)
            return null;
        var fields = Fields(map, "source", SourceFields);
        var portal = Required(fields, "portal", map, "source") is { } p ? Scalar(p, "source.portal") : null;
        var code = Optional(fields, "code") is { } c ? Scalar(c, "source.code") : null;
        var url = Required(fields, "url", map, "source") is { } u ? Url(u, "source.url") : null;
        var legal = Optional(fields, "legal") is { } l ? Scalar(l, "source.legal") : null;
        DateOnly? date = null;
        var dateOk = true;
        if (Optional(fields, "checked") is { } d)
        {
            var text = Scalar(d, "source.checked");
            if (text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                date = parsed;
            else
            {
                dateOk = false;
                if (text is not null)
                    Error(d, $"source.checked '{text}' is not a date written as YYYY-MM-DD, e.g. 2026-11-26");
            }
        }
        var unconfirmed = Optional(fields, "unconfirmed") is { } n ? Unconfirmed(n) : [];
        return portal is null || url is null || !dateOk ? null : new FlowSource(portal, code, url, legal, date, unconfirmed);
    }

    /// <summary>Fact names, or short notes (a phrase, not a single kebab-case word, so a misspelt fact name is caught).</summary>
    private IReadOnlyList<string> Unconfirmed(YamlNode node)
    {
        var items = new List<string>();
        foreach (var item in Sequence(node, "source.unconfirmed"))
        {
            if (Scalar(item, "source.unconfirmed") is not { } value)
                continue;
            if (KebabCase().IsMatch(value) && !FactNames.IsKnown(value))
                Error(item, $"source.unconfirmed '{value}' is not a fact name{SpellingSuggestion.DidYouMean(value, FactNames.All)}: name a fact ({string.Join(", ", FactNames.All)}) or write a short note in words, e.g. \"thời hạn liên thông BHYT\"");
            items.Add(value);
        }
        return items;
    }

    private FlowFacts? Facts(YamlNode node)
    {
        if (Mapping(node, "facts") is not { } map)
            return null;
        var fields = Fields(map, "facts", FactFields);
        if (map.Children.Count == 0)
            Error(map, $"facts is empty: give at least one of {string.Join(", ", FactNames.All)}, or remove it");
        var facts = FactTexts(fields, "facts");
        var provinces = new Dictionary<string, IReadOnlyDictionary<string, LocalizedText>>(StringComparer.Ordinal);
        if (Optional(fields, "provinces") is { } provincesNode && Mapping(provincesNode, "facts.provinces") is { } provincesMap)
        {
            foreach (var (keyNode, value) in provincesMap.Children)
            {
                if (Id(keyNode, "facts.provinces") is not { } province || Mapping(value, $"facts.provinces.{province}") is not { } own)
                    continue;
                var ownFields = Fields(own, $"facts.provinces.{province}", FactNames.All);
                if (own.Children.Count == 0)
                    Error(own, $"facts.provinces.{province} is empty: give the facts this province sets, e.g. fee");
                provinces[province] = FactTexts(ownFields, $"facts.provinces.{province}");
            }
        }
        return new FlowFacts(facts, provinces);
    }

    private Dictionary<string, LocalizedText> FactTexts(Fields fields, string where)
    {
        var texts = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var name in FactNames.All)
        {
            if (Optional(fields, name) is { } node && Text(node, $"{where}.{name}") is { } text)
                texts[name] = text;
        }
        return texts;
    }

    private IReadOnlyList<string> Needs(YamlNode node, string? flowId)
    {
        var needs = new List<string>();
        foreach (var item in Sequence(node, "needs"))
        {
            if (Name(item, "needs") is not { } need)
                continue;
            if (need == flowId)
                Error(item, "a flow cannot need itself");
            _needs.Add(Reference(need, item));
            needs.Add(need);
        }
        return needs;
    }

    private List<StepDraft> Steps(YamlNode node)
    {
        var drafts = new List<StepDraft>();
        if (Mapping(node, "steps") is not { } map)
            return drafts;
        if (map.Children.Count == 0)
            Error(map, "steps is empty: a flow needs at least one step and an end");

        foreach (var (keyNode, value) in map.Children)
        {
            if (Id(keyNode, "step id") is not { } id)
                continue;
            var draft = new StepDraft(id, keyNode);
            drafts.Add(draft);
            Step(draft, value);
        }
        return drafts;
    }

    private void Step(StepDraft draft, YamlNode node)
    {
        var where = $"step '{draft.Id}'";
        if (node is not YamlMappingNode map)
        {
            Error(node, $"{where} should be a mapping with one of {string.Join(", ", StepKinds)}");
            return;
        }

        var fields = Fields(map, where, StepFields);
        // In file order, so "several kinds" points at the second one written.
        var kinds = fields.Where(f => StepKinds.Contains(f.Key)).OrderBy(f => f.Value.Key.Start.Index).Select(f => f.Key).ToArray();
        if (kinds.Length == 0)
        {
            Error(draft.Key, $"{where} has no kind: give it exactly one of {string.Join(", ", StepKinds)}");
            KeepEdges(draft, fields);
            return;
        }
        if (kinds.Length > 1)
        {
            Error(fields[kinds[1]].Key, $"{where} has several kinds ({string.Join(", ", kinds)}): keep exactly one");
            KeepEdges(draft, fields);
            return;
        }

        var kind = draft.Kind = kinds[0];
        var allowed = KindFields[kind];
        foreach (var (name, (key, _)) in fields)
        {
            if (StepFields.Contains(name) && !allowed.Contains(name))
                Error(key, $"'{name}' does not belong in {(kind == "ask" || kind == "inform" || kind == "end" ? "an" : "a")} {kind} step ({where}); it may have {string.Join(", ", allowed)}");
        }

        var help = Optional(fields, "help") is { } helpNode ? Text(helpNode, $"steps.{draft.Id}.help") : null;
        draft.Definition = kind switch
        {
            "ask" => Ask(draft, fields, map, help),
            "inform" => Inform(draft, fields, map, help),
            "do" => Do(draft, fields, map, help),
            "call" => Call(draft, fields, map, help),
            _ => End(draft, fields, help),
        };
    }

    private AskStep? Ask(StepDraft draft, Fields fields, YamlMappingNode map, LocalizedText? help)
    {
        var where = $"steps.{draft.Id}";
        var question = Text(fields["ask"].Value, $"{where}.ask");
        var choices = new List<ChoiceDefinition>();
        var choicesNode = Required(fields, "choices", map, $"step '{draft.Id}'");
        if (choicesNode is not null)
        {
            var items = Sequence(choicesNode, $"{where}.choices");
            draft.ChoiceCount = items.Count;
            if (choicesNode is YamlSequenceNode && items.Count is < MinChoices or > MaxChoices)
                Error(choicesNode, $"{where}.choices has {items.Count} choice(s): write {MinChoices} to {MaxChoices} (Zalo shows at most {MaxChoices} buttons)");

            for (var i = 0; i < items.Count; i++)
            {
                var choiceWhere = $"{where}.choices[{i + 1}]";
                if (Mapping(items[i], choiceWhere) is not { } choiceMap)
                    continue;
                var choiceFields = Fields(choiceMap, choiceWhere, ChoiceFields);
                var label = Required(choiceFields, "label", choiceMap, choiceWhere) is { } l ? Text(l, $"{choiceWhere}.label") : null;
                var next = Next(draft, choiceFields, choiceMap, choiceWhere);
                if (label is not null && next is not null)
                    choices.Add(new ChoiceDefinition(label, next));
            }
        }
        return question is null || choicesNode is null || choices.Count != draft.ChoiceCount ? null
            : new AskStep(draft.Id, question, choices, help);
    }

    private InformStep? Inform(StepDraft draft, Fields fields, YamlMappingNode map, LocalizedText? help)
    {
        var where = $"steps.{draft.Id}";
        var text = Text(fields["inform"].Value, $"{where}.inform");
        var documents = Optional(fields, "documents") is { } d ? Documents(draft, d, $"{where}.documents") : [];
        var fee = Optional(fields, "fee") is { } f ? Fee(f, $"{where}.fee") : null;
        var time = Optional(fields, "time") is { } t ? Text(t, $"{where}.time") : null;
        var links = Optional(fields, "links") is { } l ? Links(l, $"{where}.links") : [];
        var next = Next(draft, fields, map, $"step '{draft.Id}'");
        return text is null || next is null ? null : new InformStep(draft.Id, text, documents, fee, time, links, next, help);
    }

    private DoStep? Do(StepDraft draft, Fields fields, YamlMappingNode map, LocalizedText? help)
    {
        var where = $"steps.{draft.Id}";
        var instruction = Text(fields["do"].Value, $"{where}.do");
        var stuck = Required(fields, "stuck", map, $"step '{draft.Id}'") is { } s ? Text(s, $"{where}.stuck") : null;
        var links = Optional(fields, "links") is { } l ? Links(l, $"{where}.links") : [];
        var next = Next(draft, fields, map, $"step '{draft.Id}'");
        return instruction is null || stuck is null || next is null ? null : new DoStep(draft.Id, instruction, stuck, links, next, help);
    }

    private CallStep? Call(StepDraft draft, Fields fields, YamlMappingNode map, LocalizedText? help)
    {
        var callNode = fields["call"].Value;
        var flowId = Name(callNode, $"steps.{draft.Id}.call");
        var next = Next(draft, fields, map, $"step '{draft.Id}'");
        var on = Optional(fields, "on") is { } onNode ? On(draft, onNode) : [];
        if (flowId is not null)
        {
            _calls.Add(new CallDraft(draft.Id, Reference(flowId, callNode),
                on.Select(o => Reference(o.Outcome, o.At)).ToArray(),
                on.Where(o => o.Target == CallStep.EndWithSameOutcome).Select(o => o.Outcome).ToArray()));
        }
        return flowId is null || next is null || on.Any(o => o.Target is null) ? null
            : new CallStep(draft.Id, flowId, next, on.ToDictionary(o => o.Outcome, o => o.Target!, StringComparer.Ordinal), help);
    }

    /// <summary>
    /// A call step's <c>on:</c>: outcome → a step of this flow or <c>end</c>. Whether it names every outcome the called
    /// flow can end with is checked across files (<see cref="CatalogCheck"/>); a null target was reported here.
    /// </summary>
    private List<(string Outcome, YamlNode At, string? Target)> On(StepDraft draft, YamlNode node)
    {
        var where = $"steps.{draft.Id}.on";
        var on = new List<(string, YamlNode, string?)>();
        if (Mapping(node, where) is not { } map)
            return on;
        var others = Outcomes.All.Where(o => o != Outcomes.Completed).ToArray();
        foreach (var (keyNode, value) in map.Children)
        {
            if (Scalar(keyNode, where) is not { } outcome)
                continue;
            if (outcome == Outcomes.Completed)
            {
                Error(keyNode, $"{where}.completed: a called flow that ends completed goes on to next; remove this line");
                continue;
            }
            if (!Outcomes.IsKnown(outcome))
            {
                Error(keyNode, $"unknown outcome '{outcome}' in {where}: use one of {string.Join(", ", others)}{SpellingSuggestion.DidYouMean(outcome, others)}");
                continue;
            }
            var target = Name(value, $"{where}.{outcome}");
            if (target is not null && target != CallStep.EndWithSameOutcome)
                draft.Edges.Add((target, value, $"on.{outcome}"));
            if (target == CallStep.EndWithSameOutcome)
                draft.EndsFlow = true;
            on.Add((outcome, keyNode, target));
        }
        return on;
    }

    private EndStep? End(StepDraft draft, Fields fields, LocalizedText? help)
    {
        var where = $"steps.{draft.Id}";
        var outcomeNode = fields["end"].Value;
        var outcome = Scalar(outcomeNode, $"{where}.end");
        if (outcome is not null && !Outcomes.IsKnown(outcome))
        {
            Error(outcomeNode, $"unknown outcome '{outcome}' in {where}.end: use one of {string.Join(", ", Outcomes.All)}");
            outcome = null;
        }
        if (outcome is not null)
            _endOutcomes.Add(outcome);
        var say = Optional(fields, "say") is { } s ? Text(s, $"{where}.say") : null;
        return outcome is null ? null : new EndStep(draft.Id, outcome, say, help);
    }

    /// <summary>
    /// For a step whose kind is wrong (already reported): keeps the steps it names so the graph checks
    /// do not also report the steps after it as unreachable.
    /// </summary>
    private static void KeepEdges(StepDraft draft, Fields fields)
    {
        var nextNodes = new List<YamlNode>();
        if (fields.TryGetValue("next", out var next))
            nextNodes.Add(next.Value);
        if (fields.TryGetValue("on", out var on) && on.Value is YamlMappingNode branches)
            nextNodes.AddRange(branches.Children.Values.Where(v => v is not YamlScalarNode { Value: CallStep.EndWithSameOutcome }));
        if (fields.TryGetValue("choices", out var choices) && choices.Value is YamlSequenceNode items)
        {
            foreach (var choice in items.OfType<YamlMappingNode>())
            {
                if (choice.Children.TryGetValue(new YamlScalarNode("next"), out var choiceNext))
                    nextNodes.Add(choiceNext);
            }
        }
        foreach (var node in nextNodes)
        {
            if (node is YamlScalarNode { Value: { Length: > 0 } target })
                draft.Edges.Add((target, node, "next"));
        }
        draft.MissingNext = nextNodes.Count == 0;
    }

    private string? Next(StepDraft draft, Fields fields, YamlMappingNode owner, string where)
    {
        if (!fields.TryGetValue("next", out var entry))
        {
            draft.MissingNext = true;
            Error(owner, $"{where} has no next: name the step that comes after it");
            return null;
        }
        var next = Name(entry.Value, $"next of {where}");
        if (next is null)
            draft.MissingNext = true;
        else
            draft.Edges.Add((next, entry.Value, "next"));
        return next;
    }

    private IReadOnlyList<DocumentItem> Documents(StepDraft draft, YamlNode node, string where)
    {
        var documents = new List<DocumentItem>();
        var items = Sequence(node, where);
        for (var i = 0; i < items.Count; i++)
        {
            var itemWhere = $"{where}[{i + 1}]";
            if (Mapping(items[i], itemWhere) is not { } map)
                continue;
            var fields = Fields(map, itemWhere, DocumentFields);
            var text = Required(fields, "text", map, itemWhere) is { } t ? Text(t, $"{itemWhere}.text") : null;
            var when = Optional(fields, "when") is { } w ? When(draft, w, $"{itemWhere}.when") : new Dictionary<string, IReadOnlyList<int>>();
            if (text is not null)
                documents.Add(new DocumentItem(text, when));
        }
        return documents;
    }

    private Dictionary<string, IReadOnlyList<int>> When(StepDraft draft, YamlNode node, string where)
    {
        var when = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        if (Mapping(node, where) is not { } map)
            return when;
        foreach (var (keyNode, value) in map.Children)
        {
            if (Name(keyNode, where) is not { } stepId)
                continue;
            var numberNodes = value is YamlSequenceNode seq ? seq.Children.ToList() : [value];
            if (numberNodes.Count == 0)
                Error(value, $"{where}.{stepId} names no choice: write a choice number, e.g. {stepId}: 1, or a list, e.g. {stepId}: [2, 3]");
            var choices = new List<(int, YamlNode)>();
            foreach (var numberNode in numberNodes)
            {
                if (numberNode is YamlScalarNode { Value: var text }
                    && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
                    choices.Add((number, numberNode));
                else
                    Error(numberNode, $"{where}.{stepId}: choice numbers are whole numbers counted from 1, e.g. {stepId}: 1 or {stepId}: [2, 3]");
            }
            draft.Whens.Add(new WhenCondition(stepId, keyNode, choices));
            when[stepId] = choices.Select(c => c.Item1).ToArray();
        }
        return when;
    }

    private FeeDefinition? Fee(YamlNode node, string where)
    {
        if (Mapping(node, where) is not { } map)
            return null;
        var fields = Fields(map, where, FeeFields);
        if (fields.Count == 0)
            Error(map, $"{where} is empty: give online, inPerson or both");
        var online = Optional(fields, "online") is { } o ? Text(o, $"{where}.online") : null;
        var inPerson = Optional(fields, "inPerson") is { } p ? Text(p, $"{where}.inPerson") : null;
        var provinces = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        if (Optional(fields, "provinces") is { } provincesNode && Mapping(provincesNode, $"{where}.provinces") is { } provincesMap)
        {
            foreach (var (keyNode, value) in provincesMap.Children)
            {
                if (Id(keyNode, $"{where}.provinces") is { } province && Text(value, $"{where}.provinces.{province}") is { } fee)
                    provinces[province] = fee;
            }
        }
        return new FeeDefinition(online, inPerson, provinces);
    }

    // ---- Flow-specific node helpers (the shared ones are in ContentFileReader).

    /// <summary>A name that refers to an id defined elsewhere: if it matches none, that is the error to report.</summary>
    private string? Name(YamlNode node, string what) => Scalar(node, what);

}
