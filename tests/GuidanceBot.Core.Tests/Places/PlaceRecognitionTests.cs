using GuidanceBot.Language;
using GuidanceBot.Places;
using static GuidanceBot.Tests.Places.PlaceFixtures;

namespace GuidanceBot.Tests.Places;

/// <summary>What citizens' texts are recognised as, against the real Thanh Hóa places.</summary>
public sealed class PlaceRecognitionTests
{
    private static PlaceMatch.Found Found(string text, string unit)
    {
        var found = Assert.IsType<PlaceMatch.Found>(ThanhHoa.Recognize(text));
        Assert.Equal(unit, found.Commune.Id);
        return found;
    }

    private static PlaceMatch.Ambiguous Ambiguous(string text, AmbiguityReason reason, params string[] units)
    {
        var ambiguous = Assert.IsType<PlaceMatch.Ambiguous>(ThanhHoa.Recognize(text));
        Assert.Equal(reason, ambiguous.Reason);
        Assert.Equal(units, ambiguous.Candidates.Select(c => c.Commune.Id));
        return ambiguous;
    }

    [Theory]
    [InlineData("Hạc Thành")]
    [InlineData("phường Hạc Thành")]
    [InlineData("P. Hạc Thành")]
    [InlineData("tôi ở phường Hạc Thành, muốn làm căn cước")]
    public void A_current_name_is_found_as_itself(string text)
    {
        var found = Found(text, "phuong-hac-thanh");
        Assert.Null(found.Via);
        Assert.Null(found.Explanation);
        Assert.False(found.Corrected);
    }

    [Theory]
    [InlineData("hac thanh", "phuong-hac-thanh")]
    [InlineData("xa ngoc lac", "xa-ngoc-lac")]
    [InlineData("tôi ở xa Pu Luong", "xa-pu-luong")]
    [InlineData("NAM SẦM SƠN", "phuong-nam-sam-son")]
    public void An_unaccented_name_is_found(string text, string unit) => Found(text, unit);

    [Theory]
    [InlineData("phường Điện Biên cũ")]
    [InlineData("nhà mình ở p dien bien cu")]
    [InlineData("Điện Biên")]
    [InlineData("dạ, Điện Biên ạ")]
    [InlineData("P.Điện Biên, TP Thanh Hóa")]
    [InlineData("Điện Biên cũ giờ là phường gì?")]
    [InlineData("giấy tờ còn ghi Điện Biên cũ thì sao")]
    [InlineData("I live in Dien Bien ward")]
    public void A_former_wards_name_is_found_as_the_new_ward_saying_so(string text)
    {
        var found = Found(text, "phuong-hac-thanh");
        Assert.Equal(("Điện Biên", CommuneKind.Phuong), (found.Via!.Name, found.Via.Kind));
        Assert.Equal("Phường Điện Biên nay thuộc phường Hạc Thành.", found.Explanation!.Vi);
        Assert.Equal("Điện Biên ward is now part of Hạc Thành ward.", found.Explanation.En);
    }

    [Fact]
    public void A_former_commune_named_with_an_old_district_is_found_where_it_went()
    {
        // Thiệu Dương belonged to huyện Thiệu Hóa until 2012 and was a phường of the city by 2025: the name is unique, so
        // the wrong kind and district do not stop it.
        var found = Found("xã Thiệu Dương huyện Thiệu Hóa", "phuong-ham-rong");
        Assert.Equal("Phường Thiệu Dương nay thuộc phường Hàm Rồng.", found.Explanation!.Vi);
    }

    [Theory]
    [InlineData("Thiệu Dương giờ thuộc đâu?")]
    [InlineData("thieu duong sap nhap vao dau vay")]
    public void A_question_about_what_became_of_a_former_unit_names_it(string text) =>
        Assert.Equal("Thiệu Dương", Found(text, "phuong-ham-rong").Via!.Name);

    [Theory]
    [InlineData("xã Xuân Lộc huyện Triệu Sơn", "xa-tho-phu")]
    [InlineData("Xuân Lộc, Thường Xuân", "xa-thang-loc")]
    [InlineData("xa xuan loc h. hau loc", "xa-hoa-loc")]
    [InlineData("tôi ở xã Lam Sơn huyện Ngọc Lặc", "xa-minh-son")]
    public void A_former_district_narrows_a_former_name_several_units_had(string text, string unit)
    {
        var found = Found(text, unit);
        Assert.Contains("nay thuộc", found.Explanation!.Vi);
        Assert.Contains("(huyện ", found.Explanation.Vi);
    }

    [Fact]
    public void A_name_several_former_units_had_gives_the_candidates_to_ask_about()
    {
        var ambiguous = Ambiguous("Xuân Lộc", AmbiguityReason.SameName, "xa-hoa-loc", "xa-tho-phu", "xa-thang-loc");
        Assert.Equal("Xã Thọ Phú (xã Xuân Lộc cũ, huyện Triệu Sơn)", ambiguous.Candidates[1].Label.Vi);
        Assert.Equal("Thọ Phú commune (former Xuân Lộc commune, Triệu Sơn district)", ambiguous.Candidates[1].Label.En);
    }

    [Fact]
    public void A_current_name_wins_over_former_units_of_that_name_unless_the_text_says_cu()
    {
        Found("phường Đông Sơn", "phuong-dong-son");
        Ambiguous("phường Đông Sơn cũ", AmbiguityReason.SameName, "phuong-hac-thanh", "phuong-bim-son");
    }

    [Fact]
    public void A_kind_that_fits_only_a_former_unit_keeps_the_current_unit_of_that_name_as_a_candidate()
    {
        // Quảng Phú is a phường now; the former xã Quảng Phú (Thọ Xuân) is in xã Xuân Tín.
        Ambiguous("tôi ở xã Quảng Phú", AmbiguityReason.SameName, "phuong-quang-phu", "xa-xuan-tin");
    }

    [Fact]
    public void A_split_former_unit_gives_the_units_that_share_it()
    {
        var ambiguous = Ambiguous("thị trấn Thiệu Hóa cũ", AmbiguityReason.Split, "xa-thieu-hoa", "xa-thieu-quang", "xa-thieu-trung");
        Assert.All(ambiguous.Candidates, c => Assert.True(c.Via!.Part));
        Assert.StartsWith("Xã Thiệu Quang (một phần thị trấn Thiệu Hóa cũ", ambiguous.Candidates[1].Label.Vi);
    }

    [Theory]
    [InlineData("dien bine", "phuong-hac-thanh")]
    [InlineData("phường Điện Biê", "phuong-hac-thanh")]
    [InlineData("ở xã Hoằng Lôc", "xa-hoang-loc")]
    [InlineData("tôi ở phường Hàm Rổng", "phuong-ham-rong")]
    [InlineData("xã Hoang Lôc", "xa-hoang-loc")]
    [InlineData("xa hoagn loc", "xa-hoang-loc")]
    public void A_name_one_typing_error_away_is_found_and_marked_corrected(string text, string unit)
    {
        var found = Found(text, unit);
        Assert.True(found.Corrected);
    }

    [Theory]
    [InlineData("Hà Nội")]
    [InlineData("tôi ở phường Bến Nghé")]
    [InlineData("tôi ở Thanh Hóa")]
    [InlineData("tôi ở Thành Phố Hồ Chí Minh")]
    [InlineData("thủ tục đã thành công chưa")]
    [InlineData("chúc mừng thắng lợi")]
    [InlineData("tôi muốn hỏi thêm nữa")]
    [InlineData("nữa")]
    [InlineData("an sinh xã hội cho người nghèo")]
    [InlineData("con tôi học ở Hà Nội, quê Nông Cống, muốn làm hộ chiếu")]
    [InlineData("")]
    public void A_text_that_names_no_place_of_the_province_is_unknown(string text) =>
        Assert.IsType<PlaceMatch.Unknown>(ThanhHoa.Recognize(text));

    [Fact]
    public void Diacritics_typed_tell_apart_names_that_differ_only_by_them()
    {
        Found("Đồng Tiến", "xa-dong-tien");
        Found("Đông Tiến", "phuong-dong-tien");
        Ambiguous("dong tien", AmbiguityReason.SameName, "xa-dong-tien", "phuong-dong-tien");
    }

    [Fact]
    public void A_one_word_name_needs_its_kind_or_to_be_the_whole_reply()
    {
        Found("thị trấn Nưa", "xa-tan-ninh");
        Found("TT. Nưa", "xa-tan-ninh");
        Found("Nưa", "xa-tan-ninh");
        Assert.IsType<PlaceMatch.Unknown>(ThanhHoa.Recognize("tôi ở Nưa rồi"));
    }

    [Fact]
    public void A_former_district_alone_gives_the_units_it_now_spans_the_one_of_its_name_first()
    {
        Ambiguous("huyện Hà Trung", AmbiguityReason.FormerDistrict,
            "xa-ha-trung", "xa-tong-son", "xa-ha-long", "xa-hoat-giang", "xa-linh-toai", "phuong-bim-son");
        Ambiguous("tôi ở Sầm Sơn", AmbiguityReason.FormerDistrict, "phuong-sam-son", "phuong-nam-sam-son");
        // With its kind, the same name is the commune.
        Found("xã Hà Trung", "xa-ha-trung");
    }

    [Fact]
    public void The_province_after_a_name_is_not_read_as_the_former_city_of_that_name()
    {
        Found("xã Lam Sơn, Thanh Hóa", "xa-lam-son");
        Found("xã Lam Sơn tỉnh Thanh Hóa", "xa-lam-son");
    }

    [Fact]
    public void The_result_holds_nothing_of_the_text_but_the_units_it_names()
    {
        var match = ThanhHoa.Recognize("tôi là Nguyễn Văn An, số nhà 12 ngõ 5, phường Điện Biên cũ, sđt 0912345678");

        var found = Assert.IsType<PlaceMatch.Found>(match);
        Assert.Equal("phuong-hac-thanh", found.Commune.Id);
        var shown = found.ToString();
        Assert.DoesNotContain("Nguyễn", shown);
        Assert.DoesNotContain("0912345678", shown);
        Assert.DoesNotContain("ngõ", shown);
    }

    [Fact]
    public void Every_unit_in_the_file_is_found_by_its_name_and_kind_with_or_without_diacritics()
    {
        foreach (var commune in ThanhHoa.Communes)
        {
            Assert.Equal(commune, Assert.IsType<PlaceMatch.Found>(ThanhHoa.Recognize(commune.Title)).Commune);
            Assert.Equal(commune, Assert.IsType<PlaceMatch.Found>(ThanhHoa.Recognize("tôi ở " + VietnameseText.Fold(commune.Title))).Commune);
        }
    }

    [Fact]
    public void Every_former_unit_with_its_district_and_cu_is_found_where_it_went_or_among_the_units_that_share_it()
    {
        var formers = ThanhHoa.Communes.SelectMany(c => c.From.Select(f => (Commune: c, Former: f))).ToArray();
        foreach (var (commune, former) in formers)
        {
            // Without diacritics, former units of one district can share a name ("Nga Thanh" and "Nga Thành").
            var sameUnaccented = formers.Where(o => o.Former.Kind == former.Kind && o.Former.District == former.District
                && VietnameseText.Fold(o.Former.Name) == VietnameseText.Fold(former.Name)).Select(o => o.Commune).Distinct().Count();
            foreach (var (text, shared) in new[]
            {
                ($"{former.Title} ({former.District}) cũ", former.Part),
                (VietnameseText.Fold($"nhà mình ở {former.Title} {former.District} cũ"), former.Part || sameUnaccented > 1),
            })
            {
                var match = ThanhHoa.Recognize(text);
                if (shared)
                    Assert.Contains(commune, (match as PlaceMatch.Ambiguous ?? throw new Xunit.Sdk.XunitException($"'{text}': {match}")).Candidates.Select(c => c.Commune));
                else
                {
                    // Unaccented, "Hòa Lộc" may be told as "Hoa Lộc": both went to xã Hoa Lộc.
                    var found = match as PlaceMatch.Found ?? throw new Xunit.Sdk.XunitException($"'{text}': {match}");
                    Assert.Equal((commune, former.Kind, former.District), (found.Commune, found.Via!.Kind, found.Via.District));
                    Assert.Equal(VietnameseText.Fold(former.Name), VietnameseText.Fold(found.Via.Name));
                    if (text.StartsWith(former.Title, StringComparison.Ordinal))
                        Assert.Equal(former, found.Via);
                }
            }
        }
    }

    [Fact]
    public void Citizens_requests_that_name_no_place_are_not_taken_for_one()
    {
        // The flows' example utterances and the intent evaluation set: how citizens ask, in both languages.
        var catalog = GuidanceBot.Content.FlowLoader.LoadDirectory(GuidanceBotServices.FindDialogsDirectory(AppContext.BaseDirectory)).Catalog!;
        using var evaluation = File.OpenText(Path.Combine(AppContext.BaseDirectory, "Language", "Evaluation", "intents.tsv"));
        var texts = catalog.Flows.SelectMany(f => f.UtterancesVi.Concat(f.UtterancesEn))
            .Concat(LabelledUtterance.ReadTsv(evaluation).Select(u => u.Text))
            .ToArray();

        Assert.True(texts.Length > 500);
        Assert.Equal([], texts.Where(t => ThanhHoa.Recognize(t) is not PlaceMatch.Unknown));
    }
}
