using GuidanceBot.Places;
using GuidanceBot.Tests.Content;
using static GuidanceBot.Tests.Places.PlaceFixtures;

namespace GuidanceBot.Tests.Places;

/// <summary>One test per rule of docs/places.md: a broken copy of a valid place file, and where the error points.</summary>
public sealed class PlaceValidationTests
{
    [Fact]
    public void The_valid_fixture_loads_with_its_units_formers_and_service_point()
    {
        var result = Load(Valid);

        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Errors));
        var places = Assert.Single(result.Provinces);
        Assert.Equal(("tinh-mau", "Tỉnh Mẫu", new DateOnly(2025, 7, 1)), (places.Province, places.Name, places.Effective));
        Assert.Equal(["phuong-an-binh", "xa-binh-minh"], places.Communes.Select(c => c.Id));
        var anBinh = places.Find("phuong-an-binh")!;
        Assert.Equal((CommuneKind.Phuong, 1), (anBinh.Kind, anBinh.Clause));
        Assert.Equal(new FormerDistrict("thành phố", "Mẫu"), anBinh.From[0].District);
        Assert.True(anBinh.From[1].Part);
        var point = Assert.Single(anBinh.ServicePoints);
        Assert.Equal(("0237 000 000", "https://example.org/an-binh"), (point.Phone, point.Source));
        Assert.Equal(["Chợ Mứi"], places.Find("xa-binh-minh")!.From[1].Aka);
    }

    [Fact]
    public void Duplicate_unit_id_is_reported_at_the_second_with_the_line_of_the_first()
    {
        var yaml = Valid.Edit("id: xa-binh-minh", "id: phuong-an-binh");

        var error = SingleErrorAt(Load(yaml), yaml, "phuong-an-binh", "duplicate unit id 'phuong-an-binh'", occurrence: 2);
        Assert.Contains("also at line 7", error.Message);
    }

    [Fact]
    public void Duplicate_name_within_a_kind_is_reported()
    {
        var yaml = Valid.Edit("name: Bình Minh\n    kind: xa", "name: An Bình\n    kind: xa").Edit("kind: xa\n    clause: 2", "kind: phuong\n    clause: 2");

        SingleErrorAt(Load(yaml), yaml, "An Bình\n    kind: phuong\n    clause: 2", "duplicate name: phường An Bình is also at line 8");
    }

    [Fact]
    public void The_same_name_in_two_kinds_is_allowed()
    {
        var yaml = Valid.Edit("name: Bình Minh\n    kind: xa", "name: An Bình\n    kind: xa");

        Assert.True(Load(yaml).Ok);
    }

    [Fact]
    public void A_former_unit_in_two_units_without_part_is_reported_at_the_second()
    {
        var yaml = Valid.Edit("district: thành phố Mẫu, part: true }", "district: thành phố Mẫu }", all: true);

        SingleErrorAt(Load(yaml), yaml, "{ kind: xa, name: Bình Minh", "xã Bình Minh (thành phố Mẫu) is also in unit 'phuong-an-binh' (line 13): a former unit goes to one new unit; if the resolution splits it, write part: true", occurrence: 2);
    }

    [Fact]
    public void A_former_unit_marked_part_in_one_unit_only_is_reported()
    {
        var yaml = Valid.Edit("{ kind: xa, name: Bình Minh, district: thành phố Mẫu, part: true }\n      - { kind: thi-tran",
            "{ kind: xa, name: Bình Yên, district: thành phố Mẫu }\n      - { kind: thi-tran");

        SingleErrorAt(Load(yaml), yaml, "{ kind: xa, name: Bình Minh", "xã Bình Minh (thành phố Mẫu) is marked part: true, but no other unit has the rest of it");
    }

    [Fact]
    public void A_former_unit_listed_twice_in_one_unit_is_reported()
    {
        var yaml = Valid.Edit("      - { kind: thi-tran, name: Chợ Mới, district: huyện Mẫu Sơn, aka: [Chợ Mứi] }",
            "      - { kind: thi-tran, name: Chợ Mới, district: huyện Mẫu Sơn, aka: [Chợ Mứi] }\n      - { kind: thi-tran, name: Chợ Mới, district: huyện Mẫu Sơn }");

        var result = Load(yaml);
        Assert.Contains(result.Errors, e => e.Line == FlowFixtures.Where(yaml, "{ kind: thi-tran", 2).Line && e.Message.Contains("is listed twice in unit 'xa-binh-minh'"));
    }

    [Fact]
    public void Unknown_field_is_reported_with_the_closest_known_one()
    {
        var yaml = Valid.Edit("    clause: 2", "    clasue: 2");

        SingleErrorAt(Load(yaml), yaml, "clasue", "unknown field 'clasue' in unit 'xa-binh-minh'; did you mean 'clause'?");
    }

    [Fact]
    public void Unknown_field_of_a_former_unit_is_reported()
    {
        var yaml = Valid.Edit("district: huyện Mẫu Sơn, aka:", "huyen: huyện Mẫu Sơn, aka:");

        var result = Load(yaml);
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => (e.Line, e.Column) == FlowFixtures.Where(yaml, "huyen:") && e.Message.Contains("unknown field 'huyen' in unit 'xa-binh-minh'.from[2]"));
        Assert.Contains(result.Errors, e => e.Message.Contains("unit 'xa-binh-minh'.from[2] has no 'district'"));
    }

    [Fact]
    public void Missing_name_is_reported_at_the_unit()
    {
        var yaml = Valid.Edit("    name: Bình Minh\n", "");

        SingleErrorAt(Load(yaml), yaml, "id: xa-binh-minh", "unit 'xa-binh-minh' has no 'name'");
    }

    [Fact]
    public void Missing_kind_is_reported_at_the_unit()
    {
        var yaml = Valid.Edit("    kind: phuong\n", "");

        SingleErrorAt(Load(yaml), yaml, "id: phuong-an-binh", "unit 'phuong-an-binh' has no 'kind'");
    }

    [Fact]
    public void A_township_is_not_a_kind_of_unit_since_2025()
    {
        var yaml = Valid.Edit("    kind: xa\n", "    kind: thi-tran\n");

        SingleErrorAt(Load(yaml), yaml, "thi-tran\n", "unit 'xa-binh-minh'.kind 'thi-tran' is not a kind of unit since 2025-07-01: use xa or phuong");
    }

    [Fact]
    public void A_district_without_its_kind_is_reported()
    {
        var yaml = Valid.Edit("district: huyện Mẫu Sơn", "district: Mẫu Sơn");

        SingleErrorAt(Load(yaml), yaml, "Mẫu Sơn,", "should start with thành phố, thị xã, huyện, quận");
    }

    [Fact]
    public void A_unit_formed_from_nothing_is_reported()
    {
        var yaml = Valid.Edit("    from:\n      - { kind: xa, name: Bình Minh, district: thành phố Mẫu, part: true }\n      - { kind: thi-tran, name: Chợ Mới, district: huyện Mẫu Sơn, aka: [Chợ Mứi] }\n",
            "    from: []\n").Edit("district: thành phố Mẫu, part: true }", "district: thành phố Mẫu }");

        SingleErrorAt(Load(yaml), yaml, "[]", "unit 'xa-binh-minh'.from is empty");
    }

    [Fact]
    public void A_service_point_without_its_source_is_reported()
    {
        var yaml = Valid.Edit("        source: https://example.org/an-binh\n", "");

        SingleErrorAt(Load(yaml), yaml, "name: Trung tâm", "has no 'source'");
    }

    [Fact]
    public void A_service_point_date_must_be_a_date()
    {
        var yaml = Valid.Edit("checked: 2026-12-04", "checked: 4/12/2026");

        SingleErrorAt(Load(yaml), yaml, "4/12/2026", "'4/12/2026' is not a date written as YYYY-MM-DD");
    }

    [Fact]
    public void The_province_id_must_match_the_file_name()
    {
        var yaml = Valid.Edit("province: tinh-mau", "province: tinh-khac");

        SingleErrorAt(Load(yaml), yaml, "tinh-khac", "province 'tinh-khac' should match the file name 'tinh-mau'");
    }

    [Fact]
    public void A_unit_id_must_be_kebab_case()
    {
        var yaml = Valid.Edit("id: xa-binh-minh", "id: Xã Bình Minh");

        SingleErrorAt(Load(yaml), yaml, "Xã Bình Minh", "'Xã Bình Minh' (units[2].id) is not a kebab-case id");
    }

    [Fact]
    public void A_file_without_sources_is_reported()
    {
        var yaml = Valid.Edit("sources:\n  - { title: Nghị quyết mẫu, url: https://example.org/nq }\n", "");

        SingleErrorAt(Load(yaml), yaml, "province", "the place file has no 'sources'");
    }

    [Fact]
    public void Broken_yaml_is_reported_at_its_place()
    {
        var yaml = Valid.Edit("{ kind: phuong, name: An Lạc, district: thành phố Mẫu }", "{ kind: phuong, name: An Lạc, district: thành phố Mẫu");

        var error = Assert.Single(Load(yaml).Errors);
        Assert.StartsWith("YAML: ", error.Message);
        Assert.Equal(FilePath, error.File);
        Assert.True(error.Line >= 12);
    }

    [Fact]
    public void Every_error_in_a_file_is_reported_not_only_the_first()
    {
        var yaml = Valid.Edit("    kind: phuong\n", "").Edit("    clause: 2", "    clasue: 2");

        Assert.Equal(2, Load(yaml).Errors.Count);
    }
}
