using GuidanceBot.Activities;
using GuidanceBot.Analytics;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace GuidanceBot.Browser.Tests;

/// <summary>The real Web Chat 4.18 page against our Direct Line, in headless chromium; screenshots land in TestResults/screenshots.</summary>
public sealed class WebChatPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Topic = "Khai sinh, khai tử, kết hôn";
    private const string KhaiSinh = "Khai sinh, thường trú và thẻ BHYT cho trẻ dưới 6 tuổi";
    private static readonly BrowserNewContextOptions Laptop = new() { ViewportSize = new() { Width = 1280, Height = 800 }, Locale = "vi-VN" };
    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true, Locale = "vi-VN",
    };

    [Fact]
    public async Task The_page_greets_in_Vietnamese_and_a_citizen_walks_khai_sinh_by_buttons_to_the_end()
    {
        await using var host = ChatServer.Start();
        await using var context = await browser.Browser.NewContextAsync(Laptop);
        var chat = new ChatPage(await context.NewPageAsync(), host);

        await chat.OpenAsync();
        var greeting = await chat.WaitForButtonsAsync();
        Assert.StartsWith("Xin chào", greeting.Text);
        await Assertions.Expect(chat.Page.GetByText("Xin chào").First).ToBeVisibleAsync();
        await Assertions.Expect(chat.Page.Locator("h1")).ToHaveTextAsync("Trợ lý hướng dẫn thủ tục hành chính");
        await chat.ScreenshotAsync("01-laptop-greeting");

        await chat.TapAsync(Topic);
        var reply = await chat.TapAsync(KhaiSinh);
        Assert.Equal("Bé được sinh ở đâu?", reply.Text);
        reply = await WalkToTheEndAsync(chat, host, reply, c => chat.TapAsync(c), screenshotAt: 4, screenshot: "02-laptop-mid-flow");
        await chat.ScreenshotAsync("03-laptop-flow-finished");

        var events = (await host.Events()).Where(e => e.Channel == "directline").ToList();
        Assert.Single(events.Select(e => e.ConversationId).Distinct());
        Assert.Contains(events, e => e.Kind == EventKinds.FlowStarted && e.FlowId == "khai-sinh");
        Assert.Contains(events, e => e.Kind == EventKinds.FlowCompleted && e.FlowId == "khai-sinh");
        var steps = events.Where(e => e.Kind == EventKinds.StepEntered && e.FlowId == "khai-sinh").Select(e => e.StepId).ToList();
        Assert.Equal(["noi-sinh", "tuoi-be", "phi-dung-han", "noi-o", "giay-to", "chon-cong", "tai-khoan"], steps.Take(7));
    }

    [Fact]
    public async Task On_a_phone_typed_text_without_diacritics_walks_khai_sinh()
    {
        await using var host = ChatServer.Start();
        await using var context = await browser.Browser.NewContextAsync(Phone);
        var chat = new ChatPage(await context.NewPageAsync(), host);
        await chat.OpenAsync();
        await chat.WaitForButtonsAsync();
        await chat.ScreenshotAsync("04-phone-greeting");

        var reply = await chat.TypeAsync("lam giay khai sinh cho con");
        Assert.Equal("Bé được sinh ở đâu?", reply.Text);
        reply = await chat.TypeAsync("benh vien");
        Assert.Equal("Bé sinh được bao lâu rồi?", reply.Text);
        await chat.ScreenshotAsync("05-phone-typed-unaccented");
        await WalkToTheEndAsync(chat, host, reply, c => chat.TypeAsync(ChatPage.WithoutDiacritics(c)), screenshotAt: -1, screenshot: null);
        await chat.ScreenshotAsync("06-phone-flow-finished");

        var events = (await host.Events()).Where(e => e.Channel == "directline").ToList();
        Assert.Contains(events, e => e.Kind == EventKinds.FlowCompleted && e.FlowId == "khai-sinh");
        Assert.DoesNotContain(events, e => e.Kind == EventKinds.NotUnderstood);
        Assert.DoesNotContain(events, e => e.Kind == EventKinds.PromptRetried);
    }

    [Fact]
    public async Task Reloading_mid_flow_shows_the_conversation_again_and_the_citizen_continues_where_they_were()
    {
        await using var host = ChatServer.Start();
        await using var context = await browser.Browser.NewContextAsync(Laptop);
        var chat = new ChatPage(await context.NewPageAsync(), host);
        await chat.OpenAsync();
        await chat.WaitForButtonsAsync();
        await chat.TapAsync(Topic);
        await chat.TapAsync(KhaiSinh);
        var before = await chat.TapAsync("Bệnh viện, trạm y tế");
        Assert.Equal("Bé sinh được bao lâu rồi?", before.Text);
        var conversationId = await chat.ConversationIdAsync();

        await chat.Page.ReloadAsync();
        await chat.WaitOnlineAsync();
        Assert.Equal(conversationId, await chat.ConversationIdAsync());
        // The transcript comes back from the server (replayed from watermark 0) and the question's buttons are there again.
        await Assertions.Expect(chat.Page.GetByText("Bé được sinh ở đâu?").First).ToBeVisibleAsync();
        await Assertions.Expect(chat.Button("Chưa quá 60 ngày")).ToBeVisibleAsync();
        await chat.ScreenshotAsync("07-laptop-after-reload");
        var after = await chat.TapAsync("Chưa quá 60 ngày");

        Assert.StartsWith("Bạn còn trong hạn 60 ngày", after.Text);
        var events = (await host.Events()).Where(e => e.Channel == "directline").ToList();
        Assert.Single(events, e => e.Kind == EventKinds.ConversationStarted);
        Assert.Single(events.Select(e => e.ConversationId).Distinct());
        Assert.Equal(["noi-sinh", "tuoi-be", "phi-dung-han"], events.Where(e => e.Kind == EventKinds.StepEntered).Select(e => e.StepId));
        Assert.Single(host.Transcript(conversationId!), a => a.Text?.StartsWith("Xin chào") == true);
    }

    [Fact]
    public async Task The_English_switch_changes_the_page_and_the_bots_language()
    {
        await using var host = ChatServer.Start();
        await using var context = await browser.Browser.NewContextAsync(Phone);
        var chat = new ChatPage(await context.NewPageAsync(), host);
        await chat.OpenAsync();
        await chat.WaitForButtonsAsync();
        var before = host.Transcript((await chat.ConversationIdAsync())!).Count;

        await chat.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        var reply = await chat.WaitForButtonsAsync(before + 1);

        await Assertions.Expect(chat.Page.Locator("h1")).ToHaveTextAsync("Public service guidance assistant");
        Assert.Equal("en", await chat.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("What do you need to do?", reply.Text);
        await chat.TapAsync("Birth, death, marriage");
        await chat.ScreenshotAsync("08-phone-english");
    }

    [Fact]
    public async Task A_portal_link_goes_through_the_tracked_redirect_and_is_recorded()
    {
        await using var host = ChatServer.Start();
        await using var context = await browser.Browser.NewContextAsync(Laptop);
        // No internet here: answer the portal itself so the popup can finish loading.
        await context.RouteAsync("https://dichvucong.gov.vn/**", route => route.FulfillAsync(new() { Status = 200, Body = "portal", ContentType = "text/plain" }));
        var chat = new ChatPage(await context.NewPageAsync(), host);
        await chat.OpenAsync();
        await chat.WaitForButtonsAsync();
        await chat.TypeAsync("lam giay khai sinh cho con");
        foreach (var answer in new[] { "Bệnh viện, trạm y tế", "Chưa quá 60 ngày", "Tiếp tục", "Cùng nơi thường trú của cha hoặc mẹ" })
        {
            await chat.TapAsync(answer);
        }

        var popup = await context.RunAndWaitForPageAsync(() => chat.Button("Xem thủ tục đăng ký khai sinh").ClickAsync());
        await popup.WaitForURLAsync("https://dichvucong.gov.vn/**");

        var until = DateTime.UtcNow.AddSeconds(10);
        while (!(await host.Events()).Any(e => e.Kind == EventKinds.LinkClicked) && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }
        var click = Assert.Single(await host.Events(), e => e.Kind == EventKinds.LinkClicked);
        Assert.Equal(("khai-sinh", "directline"), (click.FlowId, click.Channel));
        var started = (await host.Events()).First(e => e.Kind == EventKinds.FlowStarted);
        Assert.Equal(started.ConversationId, click.ConversationId);
    }

    [Fact]
    public async Task The_page_has_no_serious_accessibility_violations_on_a_phone_or_a_laptop()
    {
        await using var host = ChatServer.Start();
        foreach (var device in new[] { Phone, Laptop })
        {
            await using var context = await browser.Browser.NewContextAsync(device);
            var chat = new ChatPage(await context.NewPageAsync(), host);
            await chat.OpenAsync();
            await chat.WaitForButtonsAsync();
            await chat.TapAsync(Topic);

            var results = await chat.Page.RunAxe();

            var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))})").ToList();
            Assert.True(serious.Count == 0, string.Join("\n", serious));
        }
    }

    /// <summary>Answers each question with its first choice until the khai-sinh guide completes, then says it was helpful.</summary>
    private static async Task<Activity> WalkToTheEndAsync(ChatPage chat, TestHost host, Activity reply, Func<string, Task<Activity>> answer, int screenshotAt, string? screenshot)
    {
        for (var step = 0; step < 40; step++)
        {
            if ((await host.Events()).Any(e => e.Kind == EventKinds.FlowCompleted && e.FlowId == "khai-sinh"))
            {
                return reply;
            }
            if (step == screenshotAt && screenshot is not null)
            {
                await chat.ScreenshotAsync(screenshot);
            }
            reply = await answer(ChatPage.FirstChoice(reply));
        }
        throw new InvalidOperationException($"khai-sinh did not complete; last reply: {reply.Text}");
    }
}
