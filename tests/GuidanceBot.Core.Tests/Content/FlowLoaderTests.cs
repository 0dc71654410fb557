using System.Security.Cryptography;
using System.Text;
using GuidanceBot.Content;
using static GuidanceBot.Tests.Content.FlowFixtures;

namespace GuidanceBot.Tests.Content;

public sealed class FlowLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("guidancebot-content-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Valid_flows_load_with_their_steps_in_file_order()
    {
        var result = FlowLoader.LoadFiles(Valid());

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        var flow = result.Catalog!.Find("tam-tru-mini")!;
        Assert.Equal(Topics.Residence, flow.Topic);
        Assert.Equal("Đăng ký tạm trú (thử)", flow.Title.Vi);
        Assert.Equal(("dichvucong.gov.vn", "1.004194", "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.004194"),
            (flow.Source.Portal, flow.Source.Code, flow.Source.Url));
        Assert.Equal("Luật Cư trú 2020 (Điều 27, 28); Thông tư 55/2021/TT-BCA (Điều 5)", flow.Source.Legal);
        Assert.Equal(new DateOnly(2026, 11, 26), flow.Source.Checked);
        Assert.Equal(["time", "lệ phí ở tỉnh khác"], flow.Source.Unconfirmed);
        Assert.True(flow.Source.IsUnconfirmed(FactNames.Time));
        Assert.Equal(["dang-nhap-mini"], flow.Needs);
        Assert.Equal(8, flow.UtterancesVi.Count);
        Assert.Equal(8, flow.UtterancesEn.Count);
        Assert.Equal(Procedure, flow.FilePath);
        Assert.Equal(["thue-nha", "giay-to", "dang-nhap", "nop-ho-so", "khong-can", "nop-truc-tiep", "xong"], flow.Steps.Select(s => s.Id));

        var ask = Assert.IsType<AskStep>(flow.Step("thue-nha"));
        Assert.Equal(["giay-to", "giay-to", "khong-can"], ask.Choices.Select(c => c.Next));
        Assert.Equal("Choose where you live.", ask.Help!.For("en"));
        var inform = Assert.IsType<InformStep>(flow.Step("giay-to"));
        Assert.Equal("Thường là 3 ngày làm việc.", inform.Time!.Vi);
        Assert.Equal(new FlowLink("dvc-tam-tru-mini", new LocalizedText("Mở trang thủ tục", "Open the procedure page"), "https://dichvucong.gov.vn/"), Assert.Single(inform.Links));
        var call = Assert.IsType<CallStep>(flow.Step("dang-nhap"));
        Assert.Equal("dang-nhap-mini", call.FlowId);
        Assert.Equal(("nop-ho-so", "nop-truc-tiep", null), (call.After(Outcomes.Completed), call.After(Outcomes.InPerson), call.After(Outcomes.HandedOff)));
        Assert.Equal("Nếu không thấy nút, hãy đăng nhập lại.", Assert.IsType<DoStep>(flow.Step("nop-ho-so")).Stuck.Vi);
        Assert.Equal(Outcomes.NotEligible, Assert.IsType<EndStep>(flow.Step("khong-can")).Outcome);
        Assert.Null(result.Catalog.Find("khai-sinh"));
        Assert.Throws<KeyNotFoundException>(() => flow.Step("khong-co"));
    }

    [Fact]
    public void Main_path_follows_the_first_choice_and_next_until_an_end()
    {
        var flow = FlowLoader.LoadFiles(Valid()).Catalog!.Find("tam-tru-mini")!;

        Assert.Equal(["thue-nha", "giay-to", "dang-nhap", "nop-ho-so", "xong"], flow.MainPath);
    }

    [Fact]
    public void Documents_are_kept_only_for_the_answers_their_when_names()
    {
        var inform = (InformStep)FlowLoader.LoadFiles(Valid()).Catalog!.Find("tam-tru-mini")!.Step("giay-to");

        Assert.Equal(new[] { 1 }, inform.Documents[1].When["thue-nha"]);
        Assert.Equal(new[] { 2, 3 }, inform.Documents[2].When["thue-nha"]);
        Assert.Equal(["Tờ khai CT01", "Hợp đồng thuê nhà"], inform.DocumentsFor(Answers(1)).Select(d => d.Text.Vi));
        Assert.Equal(["Tờ khai CT01", "Văn bản đồng ý của chủ hộ"], inform.DocumentsFor(Answers(2)).Select(d => d.Text.Vi));
        Assert.Equal(["Tờ khai CT01"], inform.DocumentsFor(new Dictionary<string, int>()).Select(d => d.Text.Vi));

        static Dictionary<string, int> Answers(int choice) => new() { ["thue-nha"] = choice };
    }

    [Fact]
    public void A_province_fee_overrides_the_online_fee_for_that_province_only()
    {
        var fee = ((InformStep)FlowLoader.LoadFiles(Valid()).Catalog!.Find("tam-tru-mini")!.Step("giay-to")).Fee!;

        Assert.Equal("Miễn phí", fee.OnlineFor("thanh-hoa")!.Vi);
        Assert.Equal("Free", fee.OnlineFor("Thanh-Hoa")!.For("en-US"));
        Assert.Equal("7.000 đồng", fee.OnlineFor("ha-noi")!.Vi);
        Assert.Equal("7.000 đồng", fee.OnlineFor(null)!.Vi);
        Assert.Equal("VND 15,000", fee.InPerson!.For("en"));
    }

    [Fact]
    public void Facts_are_read_and_a_province_overrides_only_the_facts_it_gives()
    {
        var catalog = FlowLoader.LoadFiles(Valid()).Catalog!;
        var facts = catalog.Find("tam-tru-mini")!.Facts;

        Assert.Equal(["fee", "time", "documents", "where", "online", "legal"], facts.Facts.Keys);
        Assert.StartsWith("Lệ phí 7.000 đồng", facts.For(FactNames.Fee, null)!.Vi);
        Assert.StartsWith("Miễn phí", facts.For(FactNames.Fee, "thanh-hoa")!.Vi);
        Assert.StartsWith("Free online", facts.For(FactNames.Fee, " Thanh-Hoa ")!.For("en"));
        Assert.Equal("Thường là 3 ngày làm việc.", facts.For(FactNames.Time, "thanh-hoa")!.Vi);
        Assert.Null(facts.For(FactNames.Next, "thanh-hoa"));
        Assert.Same(FlowFacts.None, catalog.Find("dang-nhap-mini")!.Facts);
    }

    [Fact]
    public void Links_are_found_by_id_across_all_flows()
    {
        var catalog = FlowLoader.LoadFiles(Valid()).Catalog!;

        Assert.Equal("https://dichvucong.gov.vn/", catalog.FindLink("dvc-tam-tru-mini")!.Url);
        Assert.Equal("https://dichvucong.gov.vn/p/home/dvc-dang-nhap.html", catalog.FindLink("dvc-dang-nhap-mini")!.Url);
        Assert.Null(catalog.FindLink("khong-co"));
    }

    [Theory]
    [InlineData("vi", "Nhà thuê")]
    [InlineData(null, "Nhà thuê")]
    [InlineData("en", "Rented")]
    [InlineData("en-GB", "Rented")]
    [InlineData("fr", "Nhà thuê")]
    public void Text_is_english_for_en_locales_and_vietnamese_otherwise(string? locale, string expected) =>
        Assert.Equal(expected, new LocalizedText("Nhà thuê", "Rented").For(locale));

    [Fact]
    public void English_falls_back_to_vietnamese_when_there_is_no_english_text() =>
        Assert.Equal("Nhà thuê", new LocalizedText("Nhà thuê", null).For("en"));

    [Fact]
    public void Directory_load_reads_yaml_files_in_name_order_and_versions_each_by_its_bytes()
    {
        CopyFixturesTo(_directory);
        File.WriteAllText(Path.Combine(_directory, "README.md"), "not a flow");
        Directory.CreateDirectory(Path.Combine(_directory, "vocabulary"));
        File.WriteAllText(Path.Combine(_directory, "vocabulary", "words.yaml"), "not: a flow");

        var result = FlowLoader.LoadDirectory(_directory);

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Equal(["dang-nhap-mini", "tam-tru-mini"], result.Catalog!.Flows.Select(f => f.Id));
        var path = Path.Combine(_directory, Procedure);
        var flow = result.Catalog.Find("tam-tru-mini")!;
        Assert.Equal(path, flow.FilePath);
        var expected = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))[..12].ToLowerInvariant();
        Assert.Equal(expected, flow.ContentVersion);
        Assert.Matches("^[0-9a-f]{12}$", flow.ContentVersion);
    }

    [Fact]
    public void Content_version_changes_when_the_file_changes()
    {
        var before = FlowLoader.LoadFiles(Valid()).Catalog!.Find("tam-tru-mini")!.ContentVersion;
        var after = LoadEdited(y => y.Edit("Bạn cần chuẩn bị:", "Bạn cần mang theo:")).Result.Catalog!.Find("tam-tru-mini")!.ContentVersion;

        Assert.Equal(FlowLoader.VersionOf(Encoding.UTF8.GetBytes(Read(Procedure))), before);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Directory_errors_name_the_file_path()
    {
        CopyFixturesTo(_directory);
        var path = Path.Combine(_directory, Procedure);
        File.WriteAllText(path, File.ReadAllText(path).Edit("end: completed", "end: done"));

        var error = Assert.Single(FlowLoader.LoadDirectory(_directory).Errors);

        Assert.Equal(path, error.File);
        Assert.StartsWith($"{path}:{error.Line}:{error.Column}: unknown outcome 'done'", error.ToString());
    }

    [Fact]
    public void A_missing_directory_is_an_error()
    {
        var missing = Path.Combine(_directory, "khong-co");

        var error = Assert.Single(FlowLoader.LoadDirectory(missing).Errors);

        Assert.Equal(new ContentError(missing, 0, 0, "directory not found"), error);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_an_error()
    {
        File.WriteAllBytes(Path.Combine(_directory, "latin1.yaml"), [0x69, 0x64, 0x3A, 0x20, 0xE0, 0x0A]);

        var error = Assert.Single(FlowLoader.LoadDirectory(_directory).Errors);

        Assert.Contains("not UTF-8", error.Message);
    }

    internal static void CopyFixturesTo(string directory)
    {
        foreach (var (name, yaml) in Valid())
            File.WriteAllText(Path.Combine(directory, name), yaml);
    }
}
