using GuidanceBot.Places;
using static GuidanceBot.Tests.Places.PlaceFixtures;

namespace GuidanceBot.Tests.Places;

/// <summary>dialogs/places/thanh-hoa.yaml against Nghị quyết 1686/NQ-UBTVQH15 (Điều 1, khoản 146 and a sample of clauses).</summary>
public sealed class ThanhHoaPlacesTests
{
    [Fact]
    public void Thanh_Hoa_has_166_units_147_xa_and_19_phuong()
    {
        Assert.Equal(166, ThanhHoa.Communes.Count);
        Assert.Equal(147, ThanhHoa.Communes.Count(c => c.Kind == CommuneKind.Xa));
        Assert.Equal(19, ThanhHoa.Communes.Count(c => c.Kind == CommuneKind.Phuong));
        Assert.Equal(166, ThanhHoa.Communes.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Every_former_unit_maps_to_exactly_one_new_unit_or_is_marked_as_split_in_each_share()
    {
        var shares = ThanhHoa.Communes
            .SelectMany(c => c.From.Select(f => (Commune: c, Former: f)))
            .GroupBy(s => (s.Former.Kind, s.Former.Name, s.Former.District))
            .ToArray();

        // The 547 units of 2025-06-30 (549 in the GSO list less two stale codes, see the file's header).
        Assert.Equal(547, shares.Length);
        foreach (var former in shares)
        {
            var units = former.Select(s => s.Commune.Id).ToArray();
            Assert.Equal(units.Length, units.Distinct().Count());
            if (units.Length == 1)
                Assert.False(former.Single().Former.Part, $"{former.Key} is marked part but goes to {units[0]} only");
            else
                Assert.All(former, s => Assert.True(s.Former.Part, $"{former.Key} goes to {string.Join(", ", units)} without part: true"));
        }
        // The resolution splits ten: thị trấn Hà Trung, xã Hà Bình, xã Thanh Tân, thị trấn Thiệu Hóa (in three), xã Thiệu Long,
        // thị trấn Sơn Lư, xã Yên Thọ (Như Thanh), xã Luận Khê, phường Đông Thọ, phường An Hưng.
        Assert.Equal(10, shares.Count(s => s.Count() > 1));
        Assert.Equal(["xa-thieu-hoa", "xa-thieu-quang", "xa-thieu-trung"],
            shares.Single(s => s.Key is { Kind: CommuneKind.ThiTran, Name: "Thiệu Hóa" }).Select(s => s.Commune.Id));
    }

    [Theory]
    [InlineData("phuong-hac-thanh", "phuong", "Điện Biên", "thành phố Thanh Hóa")]      // khoản 127
    [InlineData("phuong-ham-rong", "phuong", "Thiệu Dương", "thành phố Thanh Hóa")]     // khoản 132
    [InlineData("xa-tho-phu", "xa", "Xuân Lộc", "huyện Triệu Sơn")]                     // khoản 67
    [InlineData("xa-hoa-loc", "xa", "Xuân Lộc", "huyện Hậu Lộc")]                       // khoản 11
    [InlineData("xa-xuan-tin", "xa", "Quảng Phú", "huyện Thọ Xuân")]                    // khoản 59
    [InlineData("phuong-quang-phu", "phuong", "Quảng Phú", "thành phố Thanh Hóa")]      // khoản 128
    [InlineData("phuong-bim-son", "xa", "Hà Vinh", "huyện Hà Trung")]                   // khoản 136
    [InlineData("xa-tan-ninh", "thi-tran", "Nưa", "huyện Triệu Sơn")]                   // khoản 70
    [InlineData("xa-muong-chanh", "xa", "Mường Chanh", "huyện Mường Lát")]              // khoản 146: not rearranged
    public void A_sample_of_former_units_is_where_the_resolution_puts_it(string unit, string kind, string former, string district)
    {
        CommuneKinds.TryParse(kind, out var formerKind);
        var commune = ThanhHoa.Find(unit);
        Assert.NotNull(commune);
        Assert.Contains(commune.From, f => f.Kind == formerKind && f.Name == former && f.District.ToString() == district);
    }

    [Fact]
    public void The_file_names_its_sources_and_every_service_point_its_page()
    {
        Assert.Contains(ThanhHoa.Sources, s => s.Title.Contains("1686/NQ-UBTVQH15"));
        var points = ThanhHoa.Communes.SelectMany(c => c.ServicePoints).ToArray();
        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.StartsWith("https://", p.Source));
    }
}
