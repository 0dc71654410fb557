using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using GuidanceBot.Staff;
using GuidanceBot.Tests.DirectLine;
using GuidanceBot.Tests.Zalo;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests.Hostile;

/// <summary>
/// Seeded hostile requests against every public endpoint of the real host on Kestrel (issue 16, build 2): no 5xx, no
/// reply slower than a generous bound, and the host answers a citizen normally afterwards. GUIDANCEBOT_FUZZ_SEED and
/// GUIDANCEBOT_FUZZ_CASES replay a failure or run longer (bench/README.md).
/// </summary>
public sealed class FuzzTests : IAsyncLifetime
{
    private const string ApiKey = "fuzz-tool-key";

    // A hang guard, not a speed measurement: a reply this slow means work that grows without bound.
    private static readonly TimeSpan SlowestReply = TimeSpan.FromSeconds(10);

    private FakeZalo _fake = null!;
    private TestHost _host = null!;
    private string _baseUrl = null!;

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    public async Task InitializeAsync()
    {
        _fake = await FakeZalo.StartAsync();
        _host = DirectLineClient.NewHost();
        _host.Settings["GuidanceBot:Analytics:ApiKeys:0"] = ApiKey;
        _host.Settings["GuidanceBot:Zalo:AppId"] = FakeZalo.AppId;
        _host.Settings["GuidanceBot:Zalo:OaSecretKey"] = ZaloTestHost.OaSecretKey;
        _host.Settings["GuidanceBot:Zalo:AppSecret"] = FakeZalo.AppSecret;
        _host.Settings["GuidanceBot:Zalo:OaId"] = ZaloTestHost.OaId;
        _host.Settings["GuidanceBot:Zalo:OpenApiBaseUrl"] = _fake.BaseUrl;
        _host.Settings["GuidanceBot:Zalo:OAuthBaseUrl"] = _fake.BaseUrl;
        _host.Settings["Logging:LogLevel:Default"] = "Warning";
        // The fuzzer is one client sending thousands of requests: the abuse limits are tested on their own.
        _host.Settings["GuidanceBot:AbuseLimits:Enabled"] = "false";
        _baseUrl = _host.StartKestrel();
        await _host.Services.GetRequiredService<StaffAccounts>().AddOrResetAsync("fuzz.admin", StaffRoles.Admin, "fuzz-password-1", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Hostile_requests_to_every_endpoint_get_no_server_error_and_the_host_stays_healthy()
    {
        var seed = Setting("GUIDANCEBOT_FUZZ_SEED", 16);
        var count = Setting("GUIDANCEBOT_FUZZ_CASES", 3000);
        using var http = new HttpClient { BaseAddress = new Uri(_baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var dl = new DirectLineClient(_host, http);
        var (conversationId, token, _) = await dl.Start();
        var generator = new HostileRequests(seed, new HostileRequests.Targets(conversationId, token, DirectLineClient.Secret, ApiKey, FakeZalo.AppId, ZaloTestHost.OaSecretKey));

        var failures = new List<string>();
        foreach (var c in generator.Take(count))
        {
            using var request = c.Build();
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{c.Description}: {(int)response.StatusCode}");
                }
            }
            catch (HttpRequestException e)
            {
                // The server may close a connection on a request it refuses to read (Kestrel's own limits); that is no 5xx.
                if (e.HttpRequestError is not (HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse))
                {
                    failures.Add($"{c.Description}: {e.HttpRequestError} {e.Message}");
                }
            }
            if (watch.Elapsed > SlowestReply)
            {
                failures.Add($"{c.Description}: took {watch.Elapsed.TotalSeconds:F1} s");
            }
        }

        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} of {count} cases failed:\n" + string.Join('\n', failures.Take(30)));
        await AssertHealthyAsync(http);
    }

    [Fact]
    public async Task Hostile_websocket_frames_on_a_direct_line_stream_leave_the_conversation_working()
    {
        var seed = Setting("GUIDANCEBOT_FUZZ_SEED", 16);
        var count = Math.Max(20, Setting("GUIDANCEBOT_FUZZ_CASES", 3000) / 20);
        using var http = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        var dl = new DirectLineClient(_host, http);
        var generator = new HostileRequests(seed, new HostileRequests.Targets("", "", "", "", "", ""));

        for (var round = 0; round < count; round += 10)
        {
            var (_, token, streamUrl) = await dl.Start();
            using var socket = new ClientWebSocket();
            var url = round % 30 == 20 ? streamUrl.Replace("t=", "t=x" + token[..5], StringComparison.Ordinal) : streamUrl;
            try
            {
                await socket.ConnectAsync(new Uri(url.Replace("http", "ws", StringComparison.Ordinal)), CancellationToken.None);
                for (var i = 0; i < 10 && socket.State == WebSocketState.Open; i++)
                {
                    var (payload, text) = generator.Frame();
                    await socket.SendAsync(payload, text ? WebSocketMessageType.Text : WebSocketMessageType.Binary, endOfMessage: i % 3 != 2, CancellationToken.None);
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The server may refuse the upgrade or close the socket on frames it does not want: allowed.
            }
            socket.Abort();
        }

        await AssertHealthyAsync(http);
    }

    private async Task AssertHealthyAsync(HttpClient http)
    {
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        var replies = await _host.Send(http, "c-after-fuzz-" + Guid.NewGuid().ToString("N"), "đăng ký khai sinh");
        Assert.NotEmpty(ApiMessages.Texts(replies));
        var dl = new DirectLineClient(_host, http);
        var (conversationId, token, _) = await dl.Start();
        var posted = await dl.Send(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, DirectLineClient.Message("tạm trú", "after"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        await Eventually.Until(async () => (await dl.Json(HttpMethod.Get, $"/conversations/{conversationId}/activities", token))["activities"]!.AsArray().Count,
            n => n >= 3, "the bot's reply after the fuzzing");
    }
}
