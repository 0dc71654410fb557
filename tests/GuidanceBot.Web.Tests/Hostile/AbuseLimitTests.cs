using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using GuidanceBot.Staff;
using GuidanceBot.Tests.Dashboard;
using GuidanceBot.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests.Hostile;

/// <summary>
/// Rate limits per client address (as the configured proxy reports it) and per conversation (issue 16, build 1, and
/// defect 6): 429 with Retry-After for the address or conversation over its limit, while other addresses and
/// conversations carry on. The host runs on Kestrel behind a "proxy" on 127.0.0.1 that forwards X-Forwarded-For.
/// </summary>
public sealed class AbuseLimitTests : IAsyncLifetime
{
    private const string AdminPassword = "admin-password-1";
    private readonly TestHost _host = DirectLineClient.NewHost();
    private string _baseUrl = null!;

    public async Task InitializeAsync()
    {
        _host.Settings["GuidanceBot:Hosting:KnownProxies:0"] = "127.0.0.1";
        _host.Settings["GuidanceBot:AbuseLimits:Enabled"] = "true";
        _host.Settings["GuidanceBot:AbuseLimits:ConversationsPerAddress"] = "10";
        _host.Settings["GuidanceBot:AbuseLimits:MessagesPerAddress"] = "6";
        _host.Settings["GuidanceBot:AbuseLimits:MessagesPerConversation"] = "3";
        _host.Settings["GuidanceBot:AbuseLimits:SignInsPerAddress"] = "3";
        _host.Settings["GuidanceBot:AbuseLimits:StreamsPerAddress"] = "2";
        _host.Settings["GuidanceBot:AbuseLimits:Window"] = "01:00:00";
        _baseUrl = _host.StartKestrel();
        await _host.Services.GetRequiredService<StaffAccounts>().AddOrResetAsync("lan.admin", StaffRoles.Admin, AdminPassword, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient From(string address, bool cookies = false)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies };
        var client = new HttpClient(handler) { BaseAddress = new Uri(_baseUrl) };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static async Task<HttpResponseMessage> GenerateTokenAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate") { Content = JsonContent.Create(new JsonObject()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DirectLineClient.Secret);
        return await client.SendAsync(request);
    }

    private static void AssertLimited(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
    }

    [Fact]
    public async Task New_conversations_from_one_address_are_limited_and_other_addresses_are_not()
    {
        using var busy = From("203.0.113.10");
        using var other = From("203.0.113.11");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await GenerateTokenAsync(busy)).StatusCode);
        }

        AssertLimited(await GenerateTokenAsync(busy));
        AssertLimited(await busy.PostAsync("/webchat/token", null));
        Assert.Equal(HttpStatusCode.OK, (await GenerateTokenAsync(other)).StatusCode);
    }

    [Fact]
    public async Task Messages_to_one_conversation_are_limited_and_the_next_conversation_carries_on()
    {
        using var client = From("203.0.113.20");
        var dl = new DirectLineClient(_host, client);
        var (first, firstToken, _) = await dl.Start();
        var (second, secondToken, _) = await dl.Start();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await dl.Send(HttpMethod.Post, $"/conversations/{first}/activities", firstToken, DirectLineClient.Message("xin chào", $"m{i}"))).StatusCode);
        }

        AssertLimited(await dl.Send(HttpMethod.Post, $"/conversations/{first}/activities", firstToken, DirectLineClient.Message("xin chào", "m-over")));
        Assert.Equal(HttpStatusCode.OK, (await dl.Send(HttpMethod.Post, $"/conversations/{second}/activities", secondToken, DirectLineClient.Message("khai sinh", "s1"))).StatusCode);
    }

    [Fact]
    public async Task Messages_from_one_address_are_limited_across_its_conversations()
    {
        using var client = From("203.0.113.30");
        var dl = new DirectLineClient(_host, client);
        var statuses = new List<HttpStatusCode>();
        for (var c = 0; c < 3; c++)
        {
            var (conversationId, token, _) = await dl.Start();
            for (var i = 0; i < (c < 2 ? 3 : 1); i++)
            {
                statuses.Add((await dl.Send(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, DirectLineClient.Message("xin chào", $"m{c}-{i}"))).StatusCode);
            }
        }

        Assert.Equal(6, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        // The proxy's own address (a local caller of /api/messages) is another partition.
        using var local = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        Assert.NotEmpty(ApiMessages.Texts(await _host.Send(local, "c-other-address", "xin chào")));
    }

    [Fact]
    public async Task An_anonymous_sign_in_flood_from_one_address_is_throttled_and_cannot_lock_staff_out()
    {
        using var attacker = new StaffSession(From("198.51.100.66", cookies: true));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < StaffAccounts.MaxFailedSignIns + 5; i++)
        {
            // The attacker needs a form token per try; the page itself is not limited, the post is.
            statuses.Add((await attacker.SignInAsync("LAN.ADMIN", $"guess-{i}")).StatusCode);
        }

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        using var admin = new StaffSession(From("192.0.2.7", cookies: true));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync("lan.admin", AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task Open_streams_per_address_are_limited_and_a_closed_one_frees_its_place()
    {
        using var client = From("203.0.113.40");
        var dl = new DirectLineClient(_host, client);
        var sockets = new List<ClientWebSocket>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var (_, _, streamUrl) = await dl.Start();
                var socket = new ClientWebSocket();
                socket.Options.SetRequestHeader("X-Forwarded-For", "203.0.113.40");
                sockets.Add(socket);
                if (i < 2)
                {
                    await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
                }
                else
                {
                    socket.Options.CollectHttpResponseDetails = true;
                    await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None));
                    Assert.Equal(HttpStatusCode.TooManyRequests, socket.HttpStatusCode);
                }
            }
            await sockets[0].CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);

            var (_, _, again) = await dl.Start();
            await Eventually.Until(async () =>
            {
                using var retry = new ClientWebSocket();
                retry.Options.SetRequestHeader("X-Forwarded-For", "203.0.113.40");
                try
                {
                    await retry.ConnectAsync(new Uri(again), CancellationToken.None);
                    await retry.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
                    return true;
                }
                catch (WebSocketException)
                {
                    return false;
                }
            }, ok => ok, "a stream place freed by the closed socket");
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Abort();
                socket.Dispose();
            }
        }
    }
}
