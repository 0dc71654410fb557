using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GuidanceBot.Channels.Zalo;
using GuidanceBot.Staff;
using GuidanceBot.Storage;
using GuidanceBot.Tests.DirectLine;
using GuidanceBot.Tests.Zalo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests.ManyInstances;

/// <summary>
/// Two real host processes (<c>dotnet GuidanceBot.Web.dll</c>) on one PostgreSQL database, as two instances behind a
/// load balancer that does not keep a client on one instance. Each has its own home folder and content root, so nothing
/// is shared but the database: not the data-protection keys ASP.NET Core would keep in the home folder, not an
/// application name taken from the content root, and no Direct Line secret is configured (each would make its own).
/// </summary>
public sealed partial class TwoHostProcessesTests : IAsyncLifetime
{
    private const string AdminPassword = "admin-password-1";
    private readonly PostgresTestDatabase _database = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"gb-two-hosts-{Guid.NewGuid():N}");
    private FakeZalo _zalo = null!;
    private HostProcess _a = null!;
    private HostProcess _b = null!;

    public async Task InitializeAsync()
    {
        _zalo = await FakeZalo.StartAsync();
        await SeedAsync();
        var started = await Task.WhenAll(StartAsync("a"), StartAsync("b"));
        (_a, _b) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(DisposeHost(_a), DisposeHost(_b));
        await _zalo.DisposeAsync();
        _database.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        static async Task DisposeHost(HostProcess? host)
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>What an operator does once, with the CLI, on the shared database: a staff account and the Zalo token pair.</summary>
    private async Task SeedAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GuidanceBot:Storage:Provider"] = "Postgres",
            ["ConnectionStrings:GuidanceBot"] = _database.ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddGuidanceBotStorage(configuration).AddStaffAccounts();
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StaffAccounts>().AddOrResetAsync("lan.admin", StaffRoles.Admin, AdminPassword, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        await provider.GetRequiredService<IZaloTokenStore>().StoreAsync(null, _zalo.ValidAccessToken, _zalo.ValidRefreshToken, now.AddHours(25), now, CancellationToken.None);
    }

    private Task<HostProcess> StartAsync(string name)
    {
        var home = Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;
        return HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["ASPNETCORE_CONTENTROOT"] = home,
            ["GuidanceBot__Storage__Provider"] = "Postgres",
            ["ConnectionStrings__GuidanceBot"] = _database.ConnectionString,
            ["GuidanceBot__Zalo__AppId"] = FakeZalo.AppId,
            ["GuidanceBot__Zalo__OaSecretKey"] = ZaloTestHost.OaSecretKey,
            ["GuidanceBot__Zalo__AppSecret"] = FakeZalo.AppSecret,
            ["GuidanceBot__Zalo__OaId"] = ZaloTestHost.OaId,
            ["GuidanceBot__Zalo__OpenApiBaseUrl"] = _zalo.BaseUrl,
            ["GuidanceBot__Zalo__OAuthBaseUrl"] = _zalo.BaseUrl,
            ["GuidanceBot__Zalo__PollInterval"] = "00:00:00.050",
        });
    }

    private static HttpClient Client(HostProcess host, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true })
        {
            BaseAddress = new Uri(host.Url),
            Timeout = TimeSpan.FromSeconds(30),
        };

    private static async Task<JsonObject> DirectLine(HttpClient client, HttpMethod method, string path, string bearer, object? body = null, int status = 200)
    {
        using var request = new HttpRequestMessage(method, "/v3/directline" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<DirectLineClient.Stream> ConnectAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        return new DirectLineClient.Stream(socket);
    }

    [Fact]
    public async Task A_web_chat_conversation_on_one_instance_is_served_through_the_other()
    {
        using var a = Client(_a);
        using var b = Client(_b);

        // The chat page on A: a token from A, the conversation started on A, its WebSocket held by A.
        var page = await (await a.PostAsync("/webchat/token", null)).Content.ReadFromJsonAsync<JsonObject>();
        var (conversationId, token, userId) = ((string)page!["conversationId"]!, (string)page["token"]!, (string)page["userId"]!);
        var started = await DirectLine(a, HttpMethod.Post, "/conversations", token, new { locale = "vi-VN" }, status: 201);
        Assert.StartsWith(_a.Url.Replace("http://", "ws://"), (string)started["streamUrl"]!);
        await using var onA = await ConnectAsync((string)started["streamUrl"]!);
        var greeting = await onA.Until(a => ((string?)a["text"])?.StartsWith("Xin chào") == true);

        // The next request lands on B, with A's token: B accepts it, runs the turn, and the reply reaches A's socket.
        var posted = await DirectLine(b, HttpMethod.Post, $"/conversations/{conversationId}/activities", (string)started["token"]!,
            new { type = "message", text = "tôi muốn làm giấy khai sinh cho con", locale = "vi-VN", from = new { id = userId }, channelData = new { clientActivityID = "web-1" } });
        var reply = await onA.Until(a => (string?)a["replyToId"] == (string?)posted["id"]);
        var echo = onA.Activities.FindIndex(a => (string?)a["channelData"]?["clientActivityID"] == "web-1");
        Assert.True(echo >= 0 && echo < onA.Activities.IndexOf(reply), "the echo comes before the reply");
        Assert.Equal((string?)posted["id"], (string?)onA.Activities[echo]["id"]);

        // B's transcript is the same one: it holds A's greeting first, then the turn B ran.
        var transcript = (await DirectLine(b, HttpMethod.Get, $"/conversations/{conversationId}/activities", token))["activities"]!.AsArray();
        Assert.Equal((string?)greeting["id"], (string?)transcript[0]!["id"]);
        Assert.Equal((string?)greeting["text"], (string?)transcript[0]!["text"]);
        Assert.Equal(onA.Activities.Select(x => (string?)x["id"]), transcript.Select(x => (string?)x!["id"]));

        // A token refreshed on B still opens the conversation on A; a reconnect on B replays after the watermark.
        var refreshed = await DirectLine(b, HttpMethod.Post, "/tokens/refresh", token);
        await DirectLine(a, HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark=1", (string)refreshed["token"]!);
        var reconnect = await DirectLine(b, HttpMethod.Get, $"/conversations/{conversationId}?watermark=1", (string)refreshed["token"]!);
        await using var onB = await ConnectAsync((string)reconnect["streamUrl"]!);
        await onB.Until(x => (string?)x["id"] == (string?)reply["id"]);
        Assert.Equal(transcript.Skip(1).Select(x => (string?)x!["id"]), onB.Activities.Select(x => (string?)x["id"]).Take(transcript.Count - 1));
    }

    [Fact]
    public async Task A_staff_sign_in_on_one_instance_is_valid_on_the_other_and_a_new_api_key_is_shown_once_on_either()
    {
        var cookies = new CookieContainer();
        using var a = Client(_a, cookies);
        using var b = Client(_b, cookies);

        // Signed in on A (the antiforgery token of A's form), then every page comes from B.
        var signIn = await PostFormAsync(a, "/dashboard/sign-in", await FormTokenAsync(a, "/dashboard/sign-in"),
            ("name", "lan.admin"), ("password", AdminPassword), ("returnUrl", "/dashboard"));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var accounts = await b.GetAsync("/dashboard/accounts");
        Assert.Equal(HttpStatusCode.OK, accounts.StatusCode);
        Assert.Contains("lan.admin", await accounts.Content.ReadAsStringAsync());

        // An API key made on B (with a form token B rendered) is shown by A after the redirect, once.
        var created = await PostFormAsync(b, "/dashboard/accounts/api-keys/create", await FormTokenAsync(b, "/dashboard/accounts"), ("name", "báo cáo tỉnh"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var shown = await (await a.GetAsync("/dashboard/accounts")).Content.ReadAsStringAsync();
        var key = ApiKey().Match(shown);
        Assert.True(key.Success, "A shows the key B made");
        Assert.DoesNotMatch(ApiKey(), await (await b.GetAsync("/dashboard/accounts")).Content.ReadAsStringAsync());
        using var withKey = new HttpRequestMessage(HttpMethod.Get, "/api/analytics/flows");
        withKey.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Groups[1].Value);
        using var anonymous = Client(_a);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(withKey)).StatusCode);
    }

    [Fact]
    public async Task The_same_zalo_event_posted_to_both_instances_runs_one_turn_and_sends_its_replies_once()
    {
        using var a = Client(_a);
        using var b = Client(_b);
        var e = ZaloTestHost.TextEvent("citizen-1", "msg-1", "tôi muốn làm giấy khai sinh cho con", DateTimeOffset.UtcNow);

        var posted = await Task.WhenAll(a.SendAsync(ZaloTestHost.Signed(e)), b.SendAsync(ZaloTestHost.Signed(e)), b.SendAsync(ZaloTestHost.Signed(e)));

        Assert.All(posted, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Eventually.Until(() => PostgresQuery.CountAsync(_database.ConnectionString, "SELECT COUNT(*) FROM zalo_outbox WHERE status = 'sent'"),
            n => n > 0, "the replies sent", seconds: 60);
        await Eventually.Until(() => PostgresQuery.CountAsync(_database.ConnectionString, "SELECT COUNT(*) FROM zalo_outbox WHERE status <> 'sent'"),
            n => n == 0, "every reply sent", seconds: 60);
        Assert.Equal(await PostgresQuery.CountAsync(_database.ConnectionString, "SELECT COUNT(*) FROM zalo_outbox"), _zalo.Delivered.Count);
        Assert.Equal(1, await PostgresQuery.CountAsync(_database.ConnectionString, "SELECT COUNT(*) FROM events WHERE kind = 'flow-started' AND channel = 'zalo'"));
    }

    private static async Task<string> FormTokenAsync(HttpClient client, string page)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        return FormToken().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"No form token on {page}");
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string token, params (string Name, string Value)[] fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new KeyValuePair<string, string>("__csrf", token))));

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    // The shown key's field only: a form token elsewhere on the page may hold "gb_" followed by base64url characters.
    [GeneratedRegex("value=\"(gb_[A-Za-z0-9_-]{43})\"")]
    private static partial Regex ApiKey();
}
