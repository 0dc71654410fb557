using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Tests.Hosting;

/// <summary>Behind a TLS proxy, Direct Line must hand out <c>wss://</c> stream URLs on the public host — but only believe configured proxies.</summary>
public sealed class ForwardedHeadersTests
{
    private const string Secret = "forwarded-headers-test-secret-0123456789";

    private static async Task<string> StreamUrlAsync(string baseUrl)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonContent.Create(new JsonObject()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "chat.tinh.example.vn");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!;
    }

    [Fact]
    public async Task A_configured_proxys_headers_give_a_wss_stream_url_on_the_public_host()
    {
        await using var host = new TestHost();
        host.Settings["GuidanceBot:DirectLine:Secret"] = Secret;
        host.Settings["GuidanceBot:Hosting:KnownProxies:0"] = "10.1.2.3, 127.0.0.1";
        var url = host.StartKestrel();

        var streamUrl = await StreamUrlAsync(url);

        Assert.StartsWith("wss://chat.tinh.example.vn/v3/directline/conversations/", streamUrl);
    }

    [Fact]
    public async Task A_proxy_in_a_configured_network_is_believed_too()
    {
        await using var host = new TestHost();
        host.Settings["GuidanceBot:DirectLine:Secret"] = Secret;
        host.Settings["GuidanceBot:Hosting:KnownNetworks:0"] = "127.0.0.0/8";
        var url = host.StartKestrel();

        Assert.StartsWith("wss://chat.tinh.example.vn/", await StreamUrlAsync(url));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_caller_are_ignored()
    {
        await using var host = new TestHost();
        host.Settings["GuidanceBot:DirectLine:Secret"] = Secret;
        var url = host.StartKestrel();

        var streamUrl = await StreamUrlAsync(url);

        Assert.StartsWith($"ws://{new Uri(url).Authority}/v3/directline/conversations/", streamUrl);
    }

    [Theory]
    [InlineData("GuidanceBot:Hosting:KnownProxies:0", "nginx.local", "'nginx.local' is not one")]
    [InlineData("GuidanceBot:Hosting:KnownNetworks:0", "10.0.0.0/33", "'10.0.0.0/33' is not one")]
    public async Task A_proxy_setting_that_is_not_an_address_stops_the_start_naming_it(string key, string value, string message)
    {
        await using var host = new TestHost();
        host.Settings[key] = value;

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains(message, error.Message);
    }
}
