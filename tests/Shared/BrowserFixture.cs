using Microsoft.Playwright;

namespace GuidanceBot.Testing;

/// <summary>
/// The tests' one browser: headless Debian Chromium (<c>/usr/bin/chromium</c>) driven by Playwright's bundled driver, no
/// browser download. Shared by a test class; each test opens its own context (own cookies and storage).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A page in a fresh context at baseUrl, a laptop's size unless told otherwise, in Vietnamese unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(string baseUrl, int width = 1366, int height = 900, string locale = "vi-VN")
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = width, Height = height }, Locale = locale });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
