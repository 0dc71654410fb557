using GuidanceBot.Bot;
using GuidanceBot.Content;
using GuidanceBot.Tests.Content;

namespace GuidanceBot.Tests.Bot;

/// <summary>
/// Every button path of every flow, walked through the real bot: none may end at a screen with no way on, go round in
/// a circle, or send the citizen to the bare portal home page when the procedure has its own page. The broken fixtures
/// below show the walk does fail on each of those.
/// </summary>
public class ButtonWalkTests
{
    private static readonly string Hotline = new BotOptions().Hotline;

    public static TheoryData<string> AllFlows() => [.. RealBot.Catalog.Flows.Select(f => f.Id)];

    [Theory]
    [MemberData(nameof(AllFlows))]
    public async Task Every_button_path_reaches_an_end_without_dead_ends_loops_or_bare_portal_links(string flowId)
    {
        var report = await ButtonWalk.RunAsync(RealBot.Create(), RealBot.Catalog, RealBot.Catalog.Find(flowId)!, Hotline);

        Assert.True(report.Problems.Count == 0,
            $"{report.Problems.Count} problem(s) in {flowId} ({report.Screens} screens, {report.Presses} taps):\n" + string.Join("\n", report.Problems));
        Assert.NotEmpty(report.Outcomes);
    }

    [Fact]
    public async Task The_walk_of_a_sound_fixture_finds_nothing_and_sees_both_outcomes()
    {
        var report = await Walk(Load(Fixture));

        Assert.Empty(report.Problems);
        Assert.Equal(["completed", "not-eligible"], report.Outcomes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_screen_without_buttons_is_a_dead_end()
    {
        // The validator refuses a question without choices, so the broken flow is built past it.
        var catalog = Replace(Load(Fixture), "nop", new AskStep("nop", new LocalizedText("Bạn nộp ở đâu?", "Where?"), [], null));

        var report = await Walk(catalog);

        Assert.Contains(report.Problems, p => p.Contains("dead end", StringComparison.Ordinal) && p.Contains("Nhà thuê › Tiếp tục", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_choice_that_shows_the_same_question_again_is_no_progress()
    {
        var yaml = WithChoiceOnFirstQuestion(Fixture, "Hỏi lại câu này", "Ask me again", "hoi");

        var report = await Walk(Load(yaml));

        Assert.Contains(report.Problems, p => p.Contains("\"Hỏi lại câu này\" shows the same screen again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Questions_that_only_lead_back_to_each_other_are_a_loop()
    {
        var yaml = WithChoiceOnFirstQuestion(Fixture, "Chưa chắc", "Not sure", "hoi-lai")
            .Edit("  giay-to:",
                "  hoi-lai:\n" +
                "    ask: { vi: \"Bạn có hợp đồng thuê nhà không?\", en: \"Do you have a rental contract?\" }\n" +
                "    choices:\n" +
                "      - { label: { vi: \"Có hợp đồng\", en: \"Yes\" }, next: giay-to }\n" +
                "      - { label: { vi: \"Hỏi lại từ đầu\", en: \"Start over\" }, next: hoi }\n" +
                "  giay-to:");

        var report = await Walk(Load(yaml));

        Assert.Contains(report.Problems, p => p.Contains("2 questions lead back to each other", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Steps_that_lead_round_with_no_way_out_are_a_trap()
    {
        // giay-to → nop → giay-to with nothing else to tap: the validator refuses it, so it is built past it.
        var catalog = Replace(Load(Fixture), "nop",
            new InformStep("nop", new LocalizedText("Đọc kỹ rồi bấm Tiếp tục.", "Read, then continue."), [], null, null, [], "giay-to", null));

        var report = await Walk(catalog);

        Assert.Contains(report.Problems, p => p.Contains("no button path from here ends the flow", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_to_the_bare_portal_home_page_fails_when_the_procedure_has_its_own_page()
    {
        var yaml = Fixture.Edit(LinkUrl, "url: \"https://dichvucong.gov.vn\" }");

        var report = await Walk(Load(yaml));

        Assert.Contains(report.Problems, p => p.Contains("opens the bare portal home page https://dichvucong.gov.vn", StringComparison.Ordinal)
            && p.Contains("code 1.004194", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_guide_without_a_procedure_page_may_link_the_portal_home_page()
    {
        var yaml = Fixture
            .Edit("  code: \"1.004194\"\n", "")
            .Edit(LinkUrl, "url: \"https://dichvucong.gov.vn/\" }");

        var report = await Walk(Load(yaml));

        Assert.Empty(report.Problems);
    }

    [Theory]
    [InlineData("https://dichvucong.gov.vn", true)]
    [InlineData("https://dichvucong.gov.vn/", true)]
    [InlineData("https://www.dichvucong.gov.vn/", true)]
    [InlineData("HTTPS://DICHVUCONG.GOV.VN", true)]
    [InlineData("https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.004194", false)]
    [InlineData("https://dichvucong.gov.vn/?ma_thu_tuc=1.004194", false)]
    [InlineData("https://dichvucong.bocongan.gov.vn/", false)]
    [InlineData("https://vneid.gov.vn", false)]
    public void Only_the_portal_home_page_itself_counts_as_bare(string url, bool bare) =>
        Assert.Equal(bare, ButtonWalk.IsBarePortal(url));

    /// <summary>Adds a choice after the last one of the fixture's first question ("hoi").</summary>
    private static string WithChoiceOnFirstQuestion(string yaml, string vi, string en, string next)
    {
        const string last = "      - { label: { vi: \"Nhà của mình\", en: \"My own home\" }, next: khong-can }";
        return yaml.Edit(last, last + $"\n      - {{ label: {{ vi: \"{vi}\", en: \"{en}\" }}, next: {next} }}");
    }

    /// <summary>The link's url in <see cref="Fixture"/> (the source url is the same page, so the marker includes "url: ").</summary>
    private const string LinkUrl = "url: \"https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.004194\" }";

    /// <summary>A small sound procedure: two outcomes, one link to its own procedure page.</summary>
    private const string Fixture = """
        id: walk-mini
        topic: residence
        title: { vi: "Thử đi hết các nút", en: "Walk every button (test)" }
        source:
          portal: dichvucong.gov.vn
          code: "1.004194"
          url: "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.004194"
          checked: 2026-12-04
        utterances:
          vi: ["đi hết các nút", "di het cac nut", "thử các nút", "bấm thử mọi nút", "kiểm tra đường đi",
               "thử hướng dẫn mẫu", "hướng dẫn thử", "xem thử các bước"]
          en: ["walk every button", "try every button", "test walk", "sample guide", "walk the buttons",
               "check every path", "try the sample", "button walk"]
        start: hoi
        steps:
          hoi:
            ask: { vi: "Bạn ở nhà thuê hay nhà của mình?", en: "Do you rent or own your home?" }
            choices:
              - { label: { vi: "Nhà thuê", en: "Rented" }, next: giay-to }
              - { label: { vi: "Nhà của mình", en: "My own home" }, next: khong-can }
          giay-to:
            inform: { vi: "Bạn cần hợp đồng thuê nhà.", en: "You need the rental contract." }
            links:
              - { id: walk-mini-trang, label: { vi: "Mở trang thủ tục", en: "Open the procedure page" }, url: "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.004194" }
            next: nop
          nop:
            do: { vi: "Bấm \"Nộp hồ sơ\".", en: "Tap \"Submit\"." }
            stuck: { vi: "Kéo xuống cuối trang để thấy nút.", en: "Scroll to the bottom to find the button." }
            next: xong
          khong-can:
            end: not-eligible
            say: { vi: "Nhà của mình thì đăng ký thường trú.", en: "For your own home, register permanent residence." }
          xong:
            end: completed
        """;

    /// <summary>A second flow, so the intent recogniser has two classes to learn; it is not walked.</summary>
    private const string Other = """
        id: walk-other
        topic: accounts
        title: { vi: "Hướng dẫn khác", en: "Another guide (test)" }
        source: { portal: vneid.gov.vn, url: "https://vneid.gov.vn/", checked: 2026-12-04 }
        utterances:
          vi: ["kích hoạt tài khoản", "kich hoat tai khoan", "quên mật khẩu", "đổi số điện thoại",
               "không nhận được mã", "mở khóa tài khoản", "đăng nhập ứng dụng", "cài ứng dụng"]
          en: ["activate my account", "forgot password", "change phone number", "no code arrived",
               "unlock my account", "log in to the app", "install the app", "account help"]
        start: xong
        steps:
          xong:
            end: completed
        """;

    private static FlowCatalog Load(string yaml)
    {
        var result = FlowLoader.LoadFiles([("walk-mini.yaml", yaml), ("walk-other.yaml", Other)]);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return result.Catalog!;
    }

    private static FlowCatalog Replace(FlowCatalog catalog, string stepId, StepDefinition replacement) =>
        new(catalog.Flows.Select(f => f.Id == "walk-mini" ? f with { Steps = [.. f.Steps.Select(s => s.Id == stepId ? replacement : s)] } : f));

    private static Task<ButtonWalk.Report> Walk(FlowCatalog catalog) =>
        ButtonWalk.RunAsync(RealBot.Create(catalog: catalog), catalog, catalog.Find("walk-mini")!, Hotline);
}
