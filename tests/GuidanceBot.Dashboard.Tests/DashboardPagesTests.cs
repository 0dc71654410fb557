using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace GuidanceBot.Dashboard.Tests;

/// <summary>
/// The dashboard in headless Chromium over known scripted runs: sign-in, each page's numbers against the analytics API,
/// no script or CSP errors, the signed-out redirect, the viewer's missing access to accounts, an API key made and revoked.
/// Saves a screenshot per page.
/// </summary>
public sealed class DashboardPagesTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static readonly string Period = $"from={DashboardServer.Day.AddDays(-29):yyyy-MM-dd}&to={DashboardServer.Day:yyyy-MM-dd}";

    private async Task<(IPage Page, List<string> Errors)> SignedInAsync(string name, string password, int width = 1366, int height = 900)
    {
        var page = await fixture.NewPageAsync(width, height);
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/dashboard");
        await page.GetByLabel("Tên đăng nhập").FillAsync(name);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/dashboard");
        return (page, errors);
    }

    private async Task ShotAsync(IPage page, string name)
    {
        await page.WaitForSelectorAsync("html[data-charts-ready='true']", new() { State = WaitForSelectorState.Attached });
        var path = Path.Combine(fixture.Screenshots, name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
    }

    private static string N(JsonNode? value) => ((long)value!).ToString("#,0", CultureInfo.GetCultureInfo("vi-VN"));

    private static string P(JsonNode? ratio) => ratio is null ? "–" : ((double)ratio * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    [Fact]
    public async Task A_signed_out_visit_goes_to_the_sign_in_page()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/dashboard/funnel?flow=vneid-muc-2");

        Assert.Equal("/dashboard/sign-in", new Uri(page.Url).AbsolutePath);
        Assert.Contains("returnUrl=%2Fdashboard%2Ffunnel", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập cán bộ" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.Screenshots, "sign-in.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Overview_shows_the_api_totals_per_channel_and_the_steps_losing_citizens()
    {
        var (page, errors) = await SignedInAsync(DashboardServer.AdminName, DashboardServer.AdminPassword);
        var summary = await fixture.Server.ApiAsync($"/api/analytics/summary?{Period}");
        var totals = summary["totals"]!;
        // The scripted runs, as the API counts them: the page must show the same.
        Assert.Equal(8, (long)totals["started"]!);
        Assert.Equal(3, (long)totals["completed"]!);
        Assert.Equal(2, (long)totals["abandoned"]!);

        Assert.Equal(N(totals["started"]), await page.Locator("#kpi-started").InnerTextAsync());
        Assert.Equal(N(totals["completed"]), await page.Locator("#kpi-completed").InnerTextAsync());
        Assert.Equal(N(totals["abandoned"]), await page.Locator("#kpi-abandoned").InnerTextAsync());
        Assert.Equal(P(summary["conversion"]), await page.Locator("#kpi-conversion").InnerTextAsync());

        var web = await fixture.Server.ApiAsync($"/api/analytics/summary?{Period}&channel=webchat");
        var zalo = await fixture.Server.ApiAsync($"/api/analytics/summary?{Period}&channel=zalo");
        Assert.Equal(N(web["totals"]!["started"]), await page.Locator("#channel-table tr[data-channel='web'] td").First.InnerTextAsync());
        Assert.Equal(N(zalo["totals"]!["started"]), await page.Locator("#channel-table tr[data-channel='zalo'] td").First.InnerTextAsync());
        Assert.Equal("1", await page.Locator("#channel-table tr[data-channel='other'] td").First.InnerTextAsync());

        var worst = summary["worstSteps"]!.AsArray();
        var rows = page.Locator("#worst-steps tbody tr");
        Assert.Equal(worst.Count, await rows.CountAsync());
        Assert.Contains((string)worst[0]!["step"]!, await rows.First.InnerTextAsync());
        Assert.Equal(N(worst[0]!["lost"]), await rows.First.Locator("td").Nth(3).InnerTextAsync());
        var link = await rows.First.Locator("a").GetAttributeAsync("href");
        Assert.StartsWith("/dashboard/funnel?", link);

        await Assertions.Expect(page.Locator("canvas[data-chart='chart-trend']")).ToBeVisibleAsync();
        await ShotAsync(page, "overview");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Overview_fits_a_tablet()
    {
        var (page, errors) = await SignedInAsync(DashboardServer.ViewerName, DashboardServer.ViewerPassword, 768, 1024);
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the overview scrolls sideways on a tablet");
        await ShotAsync(page, "overview-tablet");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Funnel_shows_the_api_funnel_step_by_step_and_two_versions_side_by_side()
    {
        var (page, errors) = await SignedInAsync(DashboardServer.AdminName, DashboardServer.AdminPassword);
        var funnel = await fixture.Server.ApiAsync($"/api/analytics/funnel?flow=vneid-muc-2&{Period}");
        await page.GotoAsync($"/dashboard/funnel?flow=vneid-muc-2&{Period}");

        Assert.Equal(N(funnel["runs"]!["started"]), await page.Locator("#f0-started").InnerTextAsync());
        Assert.Equal(N(funnel["runs"]!["completed"]), await page.Locator("#f0-completed").InnerTextAsync());
        foreach (var step in funnel["steps"]!.AsArray().Where(s => (long)s!["entered"]! > 0))
        {
            var cells = page.Locator($"#f0-table tr[data-step='{(string)step!["id"]!}'] td");
            Assert.Equal(N(step["entered"]), await cells.Nth(1).InnerTextAsync());
            Assert.Equal(N(step["movedOn"]), await cells.Nth(2).InnerTextAsync());
            Assert.Equal(N(step["ended"]!["abandoned"]), await cells.Nth(4).InnerTextAsync());
            Assert.Equal(N(step["ended"]!["cancelled"]), await cells.Nth(5).InnerTextAsync());
        }
        await ShotAsync(page, "funnel");

        // The CSV link exports the same view.
        var csvHref = await page.GetByRole(AriaRole.Link, new() { Name = "Tải CSV (đúng số liệu đang xem)" }).GetAttributeAsync("href");
        var csv = await page.Context.APIRequest.GetAsync(csvHref!);
        Assert.Equal(200, csv.Status);
        var lines = (await csv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(await page.Locator("#f0-table tbody tr").CountAsync() + 1, lines.Length);

        var version = (string)(await fixture.Server.ApiAsync("/api/analytics/flows")).AsArray()
            .Single(f => (string)f!["id"]! == "vneid-muc-2")!["versionsSeen"]![0]!;
        await page.SelectOptionAsync("#version", version);
        await page.SelectOptionAsync("#compare", version);
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f1-table")).ToBeVisibleAsync();
        Assert.Equal(await page.Locator("#f0-started").InnerTextAsync(), await page.Locator("#f1-started").InnerTextAsync());
        await ShotAsync(page, "funnel-compare");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Not_understood_lists_the_redacted_texts_with_the_flows_offered()
    {
        var (page, errors) = await SignedInAsync(DashboardServer.ViewerName, DashboardServer.ViewerPassword);
        var texts = (await fixture.Server.ApiAsync($"/api/analytics/not-understood?{Period}")).AsArray();
        await page.GetByRole(AriaRole.Link, new() { Name = "Bot chưa hiểu" }).ClickAsync();

        var first = page.Locator("#not-understood tbody tr").First;
        Assert.Equal((string)texts[0]!["text"]!, await first.Locator("td").Nth(0).InnerTextAsync());
        Assert.Equal(N(texts[0]!["count"]), await first.Locator("td").Nth(1).InnerTextAsync());
        Assert.True(await first.Locator("td").Nth(2).Locator("a").CountAsync() > 0, "the flows the bot offered are listed");
        await ShotAsync(page, "not-understood");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Communes_page_ranks_the_communes_the_api_shows_and_only_names_the_hidden_ones()
    {
        var (page, errors) = await SignedInAsync(DashboardServer.ViewerName, DashboardServer.ViewerPassword);
        var api = (await fixture.Server.ApiAsync($"/api/analytics/communes?{Period}"))["communes"]!.AsArray();
        await page.GotoAsync($"/dashboard/communes?{Period}");

        var shown = api.Where(c => c!["runs"]!["started"]!.GetValueKind() == System.Text.Json.JsonValueKind.Number).ToList();
        Assert.Equal(["phuong-hac-thanh", "xa-thieu-quang"], shown.Select(c => (string?)c!["id"]));
        var rows = page.Locator("#communes tbody tr");
        Assert.Equal(shown.Count, await rows.CountAsync());
        for (var i = 0; i < shown.Count; i++)
        {
            var row = rows.Nth(i);
            Assert.Equal((string?)shown[i]!["id"], await row.GetAttributeAsync("data-commune"));
            Assert.Equal((string?)shown[i]!["name"], await row.Locator("th").InnerTextAsync());
            Assert.Equal(N(shown[i]!["runs"]!["started"]), await row.Locator("td").Nth(1).InnerTextAsync());
            Assert.Equal(N(shown[i]!["runs"]!["completed"]), await row.Locator("td").Nth(2).InnerTextAsync());
            Assert.Equal(P(shown[i]!["conversion"]), await row.Locator("td").Nth(6).InnerTextAsync());
        }
        Assert.Equal(("4", "75 %"), (await rows.First.Locator("td").Nth(1).InnerTextAsync(), await rows.First.Locator("td").Nth(6).InnerTextAsync()));
        Assert.Contains("164 xã, phường ghi \"< 2\"", await page.Locator("#communes-hidden-title").InnerTextAsync());
        await page.Locator("details summary").ClickAsync();
        Assert.Contains("phường Hàm Rồng", await page.Locator("#communes-hidden").InnerTextAsync());
        await Assertions.Expect(page.Locator("canvas[data-chart='chart-communes']")).ToBeVisibleAsync();
        await ShotAsync(page, "communes");

        var csv = await page.APIRequest.GetAsync($"/dashboard/communes.csv?{Period}&flow=vneid-muc-2");
        Assert.Contains("phuong-hac-thanh,phường Hạc Thành,phuong,4,3,0,1,0,0,0,0.75", await csv.TextAsync());
        Assert.Contains("phuong-ham-rong,phường Hàm Rồng,phuong,< 2,< 2,< 2,< 2,< 2,< 2,< 2,", await csv.TextAsync());

        await page.GotoAsync("/dashboard/report?period=week&at=2026-11-20");
        var report = await fixture.Server.ApiAsync("/api/analytics/report?from=2026-11-16&to=2026-11-22");
        var communes = page.Locator("#report-communes tbody tr");
        Assert.Equal(report["communes"]!.AsArray().Count, await communes.CountAsync());
        Assert.Equal("phuong-hac-thanh", await communes.First.GetAttributeAsync("data-commune"));
        Assert.Contains("164 xã, phường", await page.Locator("#report-communes-hidden").InnerTextAsync());
        await page.Locator("#report-communes").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.Screenshots, "report-communes.png"), FullPage = true });
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Report_shows_the_api_report_and_prints_on_a4()
    {
        var (page, errors) = await SignedInAsync(DashboardServer.AdminName, DashboardServer.AdminPassword);
        var report = await fixture.Server.ApiAsync("/api/analytics/report?from=2026-11-16&to=2026-11-22");
        await page.GotoAsync("/dashboard/report?period=week&at=2026-11-20");

        Assert.Contains("16/11/2026 – 22/11/2026", await page.Locator("#report-period").InnerTextAsync());
        Assert.Equal(N(report["totals"]!["started"]), await page.Locator("#kpi-started").InnerTextAsync());
        Assert.Equal(N(report["totals"]!["handedOff"]), await page.Locator("#kpi-handed-off").InnerTextAsync());
        var flow = report["flows"]!.AsArray().Single(f => (string)f!["flow"]! == "vneid-muc-2")!;
        Assert.Equal(N(flow["runs"]!["started"]), await page.Locator("#report-flows tr[data-flow='vneid-muc-2'] td").First.InnerTextAsync());
        await ShotAsync(page, "report");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("header.top").IsVisibleAsync(), "navigation is not printed");
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.Screenshots, "report-print.png"), FullPage = true });
        var pdf = await page.PdfAsync(new() { Format = "A4", Path = Path.Combine(fixture.Screenshots, "report.pdf") });
        Assert.True(pdf.Length > 1000);
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_manages_accounts_and_a_viewer_cannot_reach_them()
    {
        var (admin, errors) = await SignedInAsync(DashboardServer.AdminName, DashboardServer.AdminPassword);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Tài khoản", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("#accounts")).ToContainTextAsync(DashboardServer.ViewerName);
        await ShotAsync(admin, "accounts");
        Assert.Empty(errors);

        var (viewer, _) = await SignedInAsync(DashboardServer.ViewerName, DashboardServer.ViewerPassword);
        Assert.Equal(0, await viewer.GetByRole(AriaRole.Link, new() { Name = "Tài khoản", Exact = true }).CountAsync());
        var response = await viewer.GotoAsync("/dashboard/accounts");
        Assert.Equal(403, response!.Status);
        Assert.Equal(0, await viewer.Locator("#accounts").CountAsync());
        await viewer.ScreenshotAsync(new() { Path = Path.Combine(fixture.Screenshots, "accounts-viewer-403.png") });
        await admin.Context.CloseAsync();
        await viewer.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_makes_an_api_key_that_opens_the_api_until_it_is_revoked()
    {
        var (page, errors) = await SignedInAsync(DashboardServer.AdminName, DashboardServer.AdminPassword);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tài khoản", Exact = true }).ClickAsync();
        await page.GetByLabel("Tên key").FillAsync("Công cụ báo cáo tháng");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo API key" }).ClickAsync();

        var shown = page.GetByLabel("Key (chỉ hiện lần này");
        await Assertions.Expect(shown).ToBeVisibleAsync();
        var key = await shown.InputValueAsync();
        Assert.Matches("^gb_[A-Za-z0-9_-]{43}$", key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Chép" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đã chép" })).ToBeVisibleAsync();
        Assert.Equal(key, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        var row = page.Locator("#api-keys tbody tr", new() { HasText = "Công cụ báo cáo tháng" });
        await Assertions.Expect(row).ToContainTextAsync(key[..9] + "…");
        await Assertions.Expect(row).ToContainTextAsync("Đang dùng");
        await ShotAsync(page, "api-key-created");

        using var tool = new HttpClient { BaseAddress = new Uri(fixture.Server.Url) };
        tool.DefaultRequestHeaders.Authorization = new("Bearer", key);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await tool.GetAsync("/api/analytics/flows")).StatusCode);

        // A reload shows the key no more and makes no second one.
        await page.ReloadAsync();
        Assert.DoesNotContain(key, await page.ContentAsync());
        Assert.Equal(1, await page.Locator("#api-keys tbody tr", new() { HasText = "Công cụ báo cáo tháng" }).CountAsync());
        await row.GetByRole(AriaRole.Button, new() { Name = "Thu hồi key Công cụ báo cáo tháng" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thu hồi key");
        await Assertions.Expect(row).ToContainTextAsync("Đã thu hồi");
        Assert.Equal(0, await row.GetByRole(AriaRole.Button).CountAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await tool.GetAsync("/api/analytics/flows")).StatusCode);
        await ShotAsync(page, "api-key-revoked");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_language_switch_turns_the_pages_into_english_and_back()
    {
        var (page, errors) = await SignedInAsync(DashboardServer.ViewerName, DashboardServer.ViewerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Exact = true })).ToBeVisibleAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Flow funnel" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Content version")).ToBeVisibleAsync();
        await ShotAsync(page, "funnel-english");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếng Việt" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Phiên bản nội dung")).ToBeVisibleAsync();
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    public static TheoryData<string, string> Languages => new() { { "vi", "Tổng quan" }, { "en", "Overview" } };

    /// <summary>Every page in one language, as an admin sees it: screenshots for a person to compare (TestResults/dashboard/pages/).</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_page_renders_in_the_language_chosen(string language, string overview)
    {
        var signIn = await fixture.NewPageAsync();
        var errors = new List<string>();
        signIn.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        await signIn.Context.AddCookiesAsync([new Cookie { Name = "gb.lang", Value = language, Url = fixture.Server.Url + "/dashboard" }]);
        await signIn.GotoAsync("/dashboard/sign-in");
        Assert.Equal(language, await signIn.Locator("html").GetAttributeAsync("lang"));
        await ShotAsync(signIn, Path.Combine("pages", $"sign-in-{language}"));
        await signIn.Locator("#name").FillAsync(DashboardServer.AdminName);
        await signIn.Locator("#password").FillAsync(DashboardServer.AdminPassword);
        await signIn.Locator("form.card button[type=submit]").ClickAsync();
        await signIn.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/dashboard");

        var version = (string)(await fixture.Server.ApiAsync("/api/analytics/flows")).AsArray()
            .Single(f => (string)f!["id"]! == "vneid-muc-2")!["versionsSeen"]![0]!;
        foreach (var (name, url) in new[]
        {
            ("overview", $"/dashboard?{Period}"),
            ("funnel", $"/dashboard/funnel?flow=vneid-muc-2&{Period}"),
            ("funnel-compare", $"/dashboard/funnel?flow=vneid-muc-2&version={version}&compare={version}&{Period}"),
            ("not-understood", $"/dashboard/not-understood?{Period}"),
            ("report", "/dashboard/report?period=week&at=2026-11-20"),
            ("report-month", "/dashboard/report?period=month&at=2026-11-20"),
            ("accounts", "/dashboard/accounts"),
        })
        {
            var response = await signIn.GotoAsync(url);
            Assert.True(response!.Status == 200, $"{name}: {response.Status}");
            Assert.Equal(language, await signIn.Locator("html").GetAttributeAsync("lang"));
            await Assertions.Expect(signIn.GetByRole(AriaRole.Link, new() { Name = overview, Exact = true })).ToBeVisibleAsync();
            await ShotAsync(signIn, Path.Combine("pages", $"{name}-{language}"));
            await File.WriteAllTextAsync(Path.Combine(fixture.Screenshots, "pages", $"{name}-{language}.html"), await signIn.ContentAsync());
        }
        Assert.Empty(errors);
        await signIn.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_users_can_skip_to_the_content_and_sign_out()
    {
        var (page, errors) = await SignedInAsync(DashboardServer.ViewerName, DashboardServer.ViewerPassword);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip", await page.EvaluateAsync<string>("document.activeElement.className"));
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/dashboard/sign-in");
        await page.GotoAsync("/dashboard");
        Assert.Equal("/dashboard/sign-in", new Uri(page.Url).AbsolutePath);
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }
}
