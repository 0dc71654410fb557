using Microsoft.Playwright;

namespace GuidanceBot.Dashboard.Tests;

/// <summary>One seeded server and the one browser for all dashboard browser tests; screenshots go to TestResults/dashboard/.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();

    public DashboardServer Server { get; } = new();

    public string Screenshots { get; } = Repository.TestResults("dashboard");

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
        await _browser.InitializeAsync();
    }

    /// <summary>A fresh browser context (own cookies) on the server, at a laptop's size unless told otherwise.</summary>
    public Task<IPage> NewPageAsync(int width = 1366, int height = 900) => _browser.NewPageAsync(Server.Url, width, height);

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await Server.DisposeAsync();
    }
}
