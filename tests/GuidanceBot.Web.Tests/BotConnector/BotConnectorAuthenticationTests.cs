using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Tests.BotConnector;

/// <summary>
/// <c>/api/messages</c> with an app id configured: every call needs a Bot Framework token, checked against a local
/// identity provider's OpenID metadata and keys. Each way a token can be wrong gets its own test.
/// </summary>
public sealed class BotConnectorAuthenticationTests : IAsyncLifetime
{
    private LocalIdentityProvider _idp = null!;
    private TestHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _idp = await LocalIdentityProvider.StartAsync();
        _host = HostWith(_idp, "MultiTenant");
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _idp.DisposeAsync();
    }

    private static TestHost HostWith(LocalIdentityProvider idp, string appType)
    {
        var host = new TestHost();
        host.Settings["MicrosoftAppType"] = appType;
        host.Settings["MicrosoftAppId"] = LocalIdentityProvider.AppId;
        host.Settings["MicrosoftAppPassword"] = LocalIdentityProvider.AppPassword;
        host.Settings["MicrosoftAppTenantId"] = LocalIdentityProvider.TenantId;
        host.Settings["GuidanceBot:BotConnector:OpenIdMetadataUrl"] = idp.BotFrameworkMetadataUrl;
        host.Settings["GuidanceBot:BotConnector:EntraOpenIdMetadataUrl"] = idp.EntraMetadataUrl;
        return host;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string? token, string channelId = "msteams",
        string? serviceUrl = LocalIdentityProvider.ServiceUrl, string scheme = "Bearer")
    {
        var activity = new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["channelId"] = channelId,
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = "29:user" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot" },
            ["conversation"] = new JsonObject { ["id"] = $"a:{Guid.NewGuid():N}" },
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:user" }),
            ["deliveryMode"] = "expectReplies",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        }
        return await client.SendAsync(request);
    }

    private static async Task AssertUnauthorized(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
    }

    [Fact]
    public async Task A_valid_channel_token_is_accepted_and_expect_replies_answers_in_the_response()
    {
        var response = await PostAsync(_client, _idp.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
        Assert.StartsWith("Xin chào", (string?)Assert.Single(replies)!["text"]);
    }

    [Fact]
    public async Task A_call_without_a_token_gets_401()
    {
        await AssertUnauthorized(await PostAsync(_client, token: null));
    }

    [Fact]
    public async Task A_token_under_another_scheme_gets_401()
    {
        await AssertUnauthorized(await PostAsync(_client, _idp.Token(), scheme: "Basic"));
    }

    [Fact]
    public async Task A_forged_token_signed_with_another_key_under_the_same_key_id_gets_401()
    {
        using var forger = RSA.Create(2048);

        await AssertUnauthorized(await PostAsync(_client, _idp.Token(signWith: forger)));
    }

    [Fact]
    public async Task A_token_with_a_tampered_payload_gets_401()
    {
        var parts = _idp.Token().Split('.');
        var other = _idp.Token(audience: "11111111-2222-3333-4444-555555555555").Split('.');

        await AssertUnauthorized(await PostAsync(_client, $"{parts[0]}.{other[1]}.{parts[2]}"));
    }

    [Fact]
    public async Task An_expired_token_gets_401()
    {
        await AssertUnauthorized(await PostAsync(_client, _idp.Token(expires: DateTime.UtcNow.AddMinutes(-10))));
    }

    [Fact]
    public async Task A_token_expired_within_the_clock_skew_is_still_accepted()
    {
        var response = await PostAsync(_client, _idp.Token(expires: DateTime.UtcNow.AddMinutes(-2)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_bot_gets_401()
    {
        await AssertUnauthorized(await PostAsync(_client, _idp.Token(audience: "11111111-2222-3333-4444-555555555555")));
    }

    [Fact]
    public async Task A_token_from_another_issuer_gets_401()
    {
        await AssertUnauthorized(await PostAsync(_client, _idp.Token(issuer: "https://api.botframework.example")));
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_gets_401()
    {
        await AssertUnauthorized(await PostAsync(_client, _idp.UnsignedToken()));
    }

    [Fact]
    public async Task A_token_whose_serviceurl_differs_from_the_activitys_gets_401()
    {
        await AssertUnauthorized(await PostAsync(_client, _idp.Token(serviceUrl: "https://evil.example.test/")));
    }

    [Fact]
    public async Task A_token_without_a_serviceurl_claim_gets_401()
    {
        await AssertUnauthorized(await PostAsync(_client, _idp.Token(serviceUrl: null)));
    }

    [Fact]
    public async Task A_token_signed_by_a_key_that_does_not_endorse_the_activitys_channel_gets_401()
    {
        await AssertUnauthorized(await PostAsync(_client, _idp.Token(), channelId: "slack"));
    }

    [Fact]
    public async Task Something_that_is_not_a_jwt_gets_401()
    {
        await AssertUnauthorized(await PostAsync(_client, "not-a-jwt"));
    }

    [Fact]
    public async Task Keys_are_fetched_once_and_reused_for_later_tokens()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(_client, _idp.Token())).StatusCode);
        }

        Assert.Equal(1, _idp.MetadataRequests);
    }

    [Fact]
    public async Task A_multi_tenant_bot_refuses_a_token_issued_by_a_tenant()
    {
        var token = _idp.Token(issuer: $"https://login.microsoftonline.com/{LocalIdentityProvider.TenantId}/v2.0", entraKey: true);

        await AssertUnauthorized(await PostAsync(_client, token));
    }

    [Fact]
    public async Task A_single_tenant_bot_accepts_its_tenants_tokens_checked_against_entra_keys()
    {
        await using var host = HostWith(_idp, "SingleTenant");
        var client = host.CreateClient();

        var v2 = await PostAsync(client, _idp.Token(issuer: $"https://login.microsoftonline.com/{LocalIdentityProvider.TenantId}/v2.0", entraKey: true));
        var v1 = await PostAsync(client, _idp.Token(issuer: $"https://sts.windows.net/{LocalIdentityProvider.TenantId}/", entraKey: true));
        var channel = await PostAsync(client, _idp.Token());
        var otherTenant = await PostAsync(client, _idp.Token(issuer: "https://login.microsoftonline.com/0a0b0c0d-1111-2222-3333-444455556666/v2.0", entraKey: true));
        var tenantIssuerBotFrameworkKey = await PostAsync(client, _idp.Token(issuer: $"https://sts.windows.net/{LocalIdentityProvider.TenantId}/"));

        Assert.Equal(HttpStatusCode.OK, v2.StatusCode);
        Assert.Equal(HttpStatusCode.OK, v1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, channel.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherTenant.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tenantIssuerBotFrameworkKey.StatusCode);
    }

    [Fact]
    public async Task Unreachable_metadata_gets_503_with_retry_after_not_an_acceptance()
    {
        await using var host = new TestHost();
        host.Settings["MicrosoftAppId"] = LocalIdentityProvider.AppId;
        host.Settings["MicrosoftAppPassword"] = LocalIdentityProvider.AppPassword;
        // A port nothing listens on: the provider's own port after it stopped.
        await using var gone = await LocalIdentityProvider.StartAsync();
        host.Settings["GuidanceBot:BotConnector:OpenIdMetadataUrl"] = gone.BotFrameworkMetadataUrl;
        var token = gone.Token();
        await gone.DisposeAsync();

        var response = await PostAsync(host.CreateClient(), token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Theory]
    [InlineData("MicrosoftAppType", "Multi", "MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI")]
    [InlineData("MicrosoftAppId", "my-bot", "MicrosoftAppId must be the bot's Microsoft app (client) id")]
    [InlineData("MicrosoftAppType", "SingleTenant", "MicrosoftAppTenantId must be the tenant's id")]
    [InlineData("GuidanceBot:BotConnector:OpenIdMetadataUrl", "http://login.example.test/meta", "OpenIdMetadataUrl must be an https URL")]
    [InlineData("MicrosoftAppPassword", "", "MicrosoftAppPassword must be set when MicrosoftAppId is")]
    [InlineData("GuidanceBot:BotConnector:TokenEndpoint", "http://login.example.test/token", "TokenEndpoint must be an https URL")]
    [InlineData("GuidanceBot:BotConnector:ManagedIdentityEndpoint", "http://identity.example.test/token", "ManagedIdentityEndpoint must be an https URL")]
    [InlineData("GuidanceBot:BotConnector:SendLease", "00:00:30", "SendLease must be at least 8 × RequestTimeout")]
    [InlineData("GuidanceBot:BotConnector:MaxSendAttempts", "0", "MaxSendAttempts must be at least 1")]
    public async Task Bad_settings_stop_the_start_with_a_message_naming_the_setting(string key, string value, string message)
    {
        await using var host = new TestHost();
        host.Settings["MicrosoftAppId"] = LocalIdentityProvider.AppId;
        host.Settings["MicrosoftAppPassword"] = LocalIdentityProvider.AppPassword;
        host.Settings[key] = value;

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains(message, error.Message);
    }
}
