using System.Globalization;
using GuidanceBot.Content;
using GuidanceBot.Language;
using YamlDotNet.RepresentationModel;
using Fields = System.Collections.Generic.Dictionary<string, (YamlDotNet.RepresentationModel.YamlScalarNode Key, YamlDotNet.RepresentationModel.YamlNode Value)>;

namespace GuidanceBot.Places;

/// <summary>
/// Reads one province's place file (<c>dialogs/places/&lt;province&gt;.yaml</c>) through YamlDotNet's representation model,
/// so every error has its line and column, and reports every problem, not only the first (see docs/places.md).
/// </summary>
internal sealed class PlaceFileReader : ContentFileReader
{
    private static readonly string[] FileFields = ["province", "name", "effective", "sources", "units"];
    private static readonly string[] SourceFields = ["title", "url"];
    private static readonly string[] UnitFields = ["id", "name", "kind", "clause", "from", "servicePoints"];
    private static readonly string[] FormerFields = ["kind", "name", "district", "part", "aka"];
    private static readonly string[] ServicePointFields = ["name", "address", "phone", "hours", "source", "checked"];

    private PlaceFileReader(string file)
        : base(file)
    {
    }

    protected override string IdExample => "phuong-hac-thanh";

    /// <summary>The province in <paramref name="yaml"/>, or null and every error found.</summary>
    public static (PlaceDirectory? Places, IReadOnlyList<ContentError> Errors) Read(string file, string yaml)
    {
        var reader = new PlaceFileReader(file);
        var places = reader.Parse(yaml) is { } root ? reader.ReadFile(root) : null;
        return (reader.Errors.Count == 0 ? places : null, reader.Errors);
    }

    private YamlMappingNode? Parse(string yaml) => ParseRoot(yaml,
        empty: "the file is empty: write the province and its units (see docs/places.md)",
        oneOnly: "one province per file",
        notMapping: "a place file is a mapping of fields (province, name, sources, units), see docs/places.md",
        unique: "each field");

    private PlaceDirectory? ReadFile(YamlMappingNode root)
    {
        var fields = Fields(root, "the place file", FileFields);
        var province = Required(fields, "province", root, "the place file") is { } p ? Id(p, "province") : null;
        var expected = Path.GetFileNameWithoutExtension(SourceFile);
        if (province is not null && province != expected)
            Error(fields["province"].Value, $"province '{province}' should match the file name '{expected}': name the file {province}.yaml, or fix the id");
        var name = Required(fields, "name", root, "the place file") is { } n ? Scalar(n, "name") : null;
        var effective = Required(fields, "effective", root, "the place file") is { } e ? Date(e, "effective", "2025-07-01") : null;
        var sources = Required(fields, "sources", root, "the place file") is { } s ? Sources(s) : [];
        var units = Required(fields, "units", root, "the place file") is { } u ? Units(u) : [];

        if (Errors.Count > 0 || province is null || name is null || effective is null)
            return null;
        return new PlaceDirectory(province, name, effective.Value, sources, units, SourceFile);
    }

    private List<PlaceSource> Sources(YamlNode node)
    {
        var sources = new List<PlaceSource>();
        var items = Sequence(node, "sources");
        if (node is YamlSequenceNode && items.Count == 0)
            Error(node, "sources is empty: name the resolution the units come from (title and url)");
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"sources[{i + 1}]";
            if (Mapping(items[i], where) is not { } map)
                continue;
            var fields = Fields(map, where, SourceFields);
            var title = Required(fields, "title", map, where) is { } t ? Scalar(t, $"{where}.title") : null;
            var url = Required(fields, "url", map, where) is { } u ? Url(u, $"{where}.url") : null;
            if (title is not null && url is not null)
                sources.Add(new PlaceSource(title, url));
        }
        return sources;
    }

    private List<Commune> Units(YamlNode node)
    {
        var units = new List<Commune>();
        var items = Sequence(node, "units");
        if (node is YamlSequenceNode && items.Count == 0)
            Error(node, "units is empty: list the province's communes and wards");

        // Everything the cross-unit rules need, with the node to point at.
        var ids = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var names = new Dictionary<(CommuneKind, string), YamlNode>();
        var formers = new Dictionary<(CommuneKind, string, string), List<(int Unit, string? UnitId, FormerUnit Former, YamlNode Node)>>();
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"units[{i + 1}]";
            if (Mapping(items[i], where) is not { } map)
                continue;
            // Errors in a unit name it by its id when it has a usable one.
            if (map.Children.TryGetValue(new YamlScalarNode("id"), out var idValue) && idValue is YamlScalarNode { Value: { } written } && KebabCase().IsMatch(written))
                where = $"unit '{written}'";
            var fields = Fields(map, where, UnitFields);
            var id = Required(fields, "id", map, where) is { } idNode ? Id(idNode, $"units[{i + 1}].id") : null;
            if (id is not null)
            {
                if (ids.TryGetValue(id, out var first))
                    Error(fields["id"].Value, $"duplicate unit id '{id}': it is also at line {first.Start.Line}; ids are stored in analytics, keep each one unique");
                else
                    ids[id] = fields["id"].Value;
            }
            var name = Required(fields, "name", map, where) is { } nameNode ? Scalar(nameNode, $"{where}.name") : null;
            var kind = Required(fields, "kind", map, where) is { } kindNode ? Kind(kindNode, $"{where}.kind", current: true) : null;
            if (name is not null && kind is not null)
            {
                var key = (kind.Value, VietnameseText.Normalize(name));
                if (names.TryGetValue(key, out var first))
                    Error(fields["name"].Value, $"duplicate name: {kind.Value.Word()} {name} is also at line {first.Start.Line}; two units of one kind cannot share a name");
                else
                    names[key] = fields["name"].Value;
            }
            var clause = Optional(fields, "clause") is { } clauseNode ? Clause(clauseNode, $"{where}.clause") : null;
            var from = Required(fields, "from", map, where) is { } fromNode ? Formers(fromNode, $"{where}.from", i, id, formers) : [];
            var points = Optional(fields, "servicePoints") is { } pointsNode ? ServicePoints(pointsNode, $"{where}.servicePoints") : [];
            if (id is not null && name is not null && kind is not null)
                units.Add(new Commune(id, name, kind.Value, clause, from, points));
        }
        CheckFormersMapOnce(formers);
        return units;
    }

    /// <summary>A former unit goes to exactly one new unit, unless the resolution split it: then every share says part: true.</summary>
    private void CheckFormersMapOnce(Dictionary<(CommuneKind, string, string), List<(int Unit, string? UnitId, FormerUnit Former, YamlNode Node)>> formers)
    {
        foreach (var uses in formers.Values)
        {
            var title = uses[0].Former.ToString();
            if (uses.Count == 1)
            {
                if (uses[0].Former.Part)
                    Error(uses[0].Node, $"{title} is marked part: true, but no other unit has the rest of it: list it in the unit(s) the resolution gives the rest to, or remove part: true");
                continue;
            }
            var firstLine = uses[0].Node.Start.Line;
            var shared = uses.Skip(1).Where(u => u.Unit != uses[0].Unit).ToArray();
            foreach (var use in uses.Skip(1).Where(u => u.Unit == uses[0].Unit))
                Error(use.Node, $"{title} is listed twice in unit '{use.UnitId}' (also at line {firstLine})");
            if (uses.Any(u => !u.Former.Part))
            {
                foreach (var use in shared)
                    Error(use.Node, $"{title} is also in unit '{uses[0].UnitId}' (line {firstLine}): a former unit goes to one new unit; if the resolution splits it, write part: true on each share");
            }
        }
    }

    private List<FormerUnit> Formers(YamlNode node, string where, int unit, string? unitId,
        Dictionary<(CommuneKind, string, string), List<(int Unit, string? UnitId, FormerUnit Former, YamlNode Node)>> all)
    {
        var formers = new List<FormerUnit>();
        var items = Sequence(node, where);
        if (node is YamlSequenceNode && items.Count == 0)
            Error(node, $"{where} is empty: list the former units it was formed from (an unchanged unit lists itself)");
        for (var i = 0; i < items.Count; i++)
        {
            var itemWhere = $"{where}[{i + 1}]";
            if (Mapping(items[i], itemWhere) is not { } map)
                continue;
            var fields = Fields(map, itemWhere, FormerFields);
            var kind = Required(fields, "kind", map, itemWhere) is { } k ? Kind(k, $"{itemWhere}.kind", current: false) : null;
            var name = Required(fields, "name", map, itemWhere) is { } n ? Scalar(n, $"{itemWhere}.name") : null;
            var district = Required(fields, "district", map, itemWhere) is { } d ? District(d, $"{itemWhere}.district") : null;
            var part = Optional(fields, "part") is { } p && Boolean(p, $"{itemWhere}.part") == true;
            var aka = Optional(fields, "aka") is { } a
                ? Sequence(a, $"{itemWhere}.aka").Select(item => Scalar(item, $"{itemWhere}.aka")).OfType<string>().ToArray()
                : [];
            if (kind is null || name is null || district is null)
                continue;
            var former = new FormerUnit(kind.Value, name, district, part, aka);
            formers.Add(former);
            var key = (kind.Value, VietnameseText.Normalize(name), VietnameseText.Normalize(district.ToString()));
            if (!all.TryGetValue(key, out var uses))
                all[key] = uses = [];
            uses.Add((unit, unitId, former, map));
        }
        return formers;
    }

    private List<ServicePoint> ServicePoints(YamlNode node, string where)
    {
        var points = new List<ServicePoint>();
        var items = Sequence(node, where);
        for (var i = 0; i < items.Count; i++)
        {
            var itemWhere = $"{where}[{i + 1}]";
            if (Mapping(items[i], itemWhere) is not { } map)
                continue;
            var fields = Fields(map, itemWhere, ServicePointFields);
            var name = Required(fields, "name", map, itemWhere) is { } n ? Scalar(n, $"{itemWhere}.name") : null;
            var address = Required(fields, "address", map, itemWhere) is { } a ? Scalar(a, $"{itemWhere}.address") : null;
            var phone = Optional(fields, "phone") is { } p ? Scalar(p, $"{itemWhere}.phone") : null;
            var hours = Optional(fields, "hours") is { } h ? Scalar(h, $"{itemWhere}.hours") : null;
            // Nothing about an office is written without the page that says it.
            var source = Required(fields, "source", map, $"{itemWhere} (the page that confirms it)") is { } s ? Url(s, $"{itemWhere}.source") : null;
            var date = Required(fields, "checked", map, itemWhere) is { } c ? Date(c, $"{itemWhere}.checked", "2026-12-04") : null;
            if (name is not null && address is not null && source is not null && date is not null)
                points.Add(new ServicePoint(name, address, phone, hours, source, date.Value));
        }
        return points;
    }

    private CommuneKind? Kind(YamlNode node, string what, bool current)
    {
        if (Scalar(node, what) is not { } token)
            return null;
        if (CommuneKinds.TryParse(token, out var kind) && (!current || kind != CommuneKind.ThiTran))
            return kind;
        Error(node, current
            ? $"{what} '{token}' is not a kind of unit since 2025-07-01: use xa or phuong"
            : $"{what} '{token}' is not a kind of commune-level unit: use xa, phuong or thi-tran");
        return null;
    }

    private FormerDistrict? District(YamlNode node, string what)
    {
        if (Scalar(node, what) is not { } text)
            return null;
        if (FormerDistrict.Parse(text) is { } district)
            return district;
        Error(node, $"{what} '{text}' should start with {string.Join(", ", FormerDistrict.Kinds)} and give the name, e.g. huyện Hà Trung");
        return null;
    }

    private int? Clause(YamlNode node, string what)
    {
        if (Scalar(node, what) is not { } text)
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var clause) && clause >= 1)
            return clause;
        Error(node, $"{what} '{text}' should be the clause number (khoản) of the resolution, e.g. 127");
        return null;
    }

    private bool? Boolean(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        if (text is "true" or "false")
            return text == "true";
        if (text is not null)
            Error(node, $"{what} '{text}' should be true or false");
        return null;
    }
}
