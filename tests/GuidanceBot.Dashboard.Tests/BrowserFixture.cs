using Microsoft.Playwright;

namespace GuidanceBot.Dashboard.Tests;

/// <summary>One seeded server and one headless Chromium for all dashboard browser tests; screenshots go to TestResults/dashboard/.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public DashboardServer Server { get; } = new();
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string Screenshots { get; } = Path.Combine(RepositoryRoot(), "TestResults", "dashboard");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        await Server.StartAsync();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (own cookies) at a laptop's size unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Server.Url, ViewportSize = new() { Width = width, Height = height }, Locale = "vi-VN" });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Server.DisposeAsync();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GuidanceBot.sln"))) return dir.FullName;
        }
        return AppContext.BaseDirectory;
    }
}
