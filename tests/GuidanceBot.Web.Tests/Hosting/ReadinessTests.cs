using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GuidanceBot.Tests.Hosting;

public sealed class ReadinessTests
{
    /// <summary>A check the test turns off and on, standing in for any check registered under the "ready" tag (a database, a queue).</summary>
    private sealed class Switch : IHealthCheck
    {
        public volatile bool Up = true;

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(Up ? HealthCheckResult.Healthy("reachable") : HealthCheckResult.Unhealthy("database unreachable"));
    }

    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Checks, JsonObject Body)> ReadyAsync(HttpClient client)
    {
        var response = await client.GetAsync("/readyz");
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var checks = body["checks"]!.AsArray().ToDictionary(c => (string)c!["name"]!, c => (string)c!["status"]!);
        return (response.StatusCode, checks, body);
    }

    [Fact]
    public async Task Readyz_lists_each_check_with_its_status_and_liveness_stays_plain()
    {
        await using var host = new TestHost();
        var client = host.CreateClient();

        var (status, checks, body) = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", (string?)body["status"]);
        Assert.Equal("Healthy", checks["content"]);
        Assert.Equal("Healthy", checks["accepting-turns"]);
        Assert.Equal("Healthy", checks["zalo"]);
        Assert.Equal("Healthy", checks["storage"]);
        Assert.Contains("flows loaded", body["checks"]!.AsArray().Single(c => (string?)c!["name"] == "content")!["description"]!.ToString());
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Readyz_fails_while_a_ready_check_fails_and_recovers_after()
    {
        var storage = new Switch();
        await using var host = new TestHost
        {
            TestServices = s => s.AddHealthChecks().AddCheck("database", storage, tags: ["ready"]),
        };
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(client)).Status);

        storage.Up = false;
        var (down, downChecks, downBody) = await ReadyAsync(client);
        storage.Up = true;
        var (up, upChecks, _) = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down);
        Assert.Equal("Unhealthy", (string?)downBody["status"]);
        Assert.Equal("Unhealthy", downChecks["database"]);
        Assert.Equal("Healthy", downChecks["content"]);
        Assert.Equal(HttpStatusCode.OK, up);
        Assert.Equal("Healthy", upChecks["database"]);
        // Liveness does not depend on the database: restarting the process would not bring it back.
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Zalo_readiness_needs_a_valid_token_once_zalo_is_configured()
    {
        await using var host = new TestHost();
        host.Settings["GuidanceBot:Zalo:AppId"] = "1234567890";
        host.Settings["GuidanceBot:Zalo:OaSecretKey"] = "oa-secret-key-for-tests";
        host.Settings["GuidanceBot:Zalo:AppSecret"] = "app-secret-for-tests";

        var client = host.CreateClient();

        var (status, checks, _) = await ReadyAsync(client);
        await host.Services.GetRequiredService<GuidanceBot.Web.Channels.Zalo.ZaloTokens>()
            .StoreInitialAsync("access-token", "refresh-token", TimeSpan.FromHours(20), CancellationToken.None);
        var (withToken, withTokenChecks, _) = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", checks["zalo"]);
        Assert.Equal(HttpStatusCode.OK, withToken);
        Assert.Equal("Healthy", withTokenChecks["zalo"]);
    }
}
