using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GuidanceBot.Web.Channels.DirectLine;
using Microsoft.Extensions.Logging.Abstractions;
using static Microsoft.Extensions.Options.Options;

namespace GuidanceBot.Tests.DirectLine;

/// <summary>Direct Line tokens as Microsoft.IdentityModel writes and checks them: the claims, HS256 with the key derived from the secret, forgeries refused.</summary>
public sealed class DirectLineTokenFormatTests
{
    private const string SiteSecret = "token-format-test-secret-0123456789-abcdef";
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly FixedTime _time = new(Noon);

    private async Task<DirectLineTokens> TokensAsync(string secret = SiteSecret)
    {
        // A configured secret is taken as it is: the shared secrets in the database are not read.
        var site = new DirectLineSecret(Create(new DirectLineOptions { Secret = secret }), secrets: null!, Create(new GuidanceBot.Storage.StorageOptions()),
            NullLogger<DirectLineSecret>.Instance);
        await site.LoadAsync(CancellationToken.None);
        return new DirectLineTokens(site, _time);
    }

    private static JsonObject Part(string token, int index) => JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[index]))!.AsObject();

    [Fact]
    public async Task A_token_is_an_hs256_jwt_with_the_conversation_user_scope_and_a_lifetime_from_the_host_clock()
    {
        var token = (await TokensAsync()).Issue("conv-1", "dl_user", DirectLineTokens.ConversationScope, TimeSpan.FromMinutes(30));

        Assert.Equal("HS256", (string?)Part(token, 0)["alg"]);
        var claims = Part(token, 1);
        Assert.Equal(["conv", "exp", "iat", "jti", "scope", "user"], claims.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(("conv-1", "dl_user", "conversation"), ((string?)claims["conv"], (string?)claims["user"], (string?)claims["scope"]));
        Assert.Equal(Noon.ToUnixTimeSeconds(), (long)claims["iat"]!);
        Assert.Equal((Noon + TimeSpan.FromMinutes(30)).ToUnixTimeSeconds(), (long)claims["exp"]!);
        Assert.DoesNotContain("user", Part((await TokensAsync()).Issue("conv-1", null, DirectLineTokens.StreamScope, TimeSpan.FromMinutes(1)), 1).Select(c => c.Key));
    }

    [Fact]
    public async Task A_token_reads_back_until_it_expires_on_the_host_clock_and_then_reads_as_expired()
    {
        var tokens = await TokensAsync();
        var token = tokens.Issue("conv-1", "dl_user", DirectLineTokens.ConversationScope, TimeSpan.FromMinutes(30));

        var (status, read) = await tokens.ReadAsync(token, DirectLineTokens.ConversationScope);
        Assert.Equal(TokenStatus.Valid, status);
        Assert.Equal(new DirectLineToken("conv-1", "dl_user", "conversation", Noon + TimeSpan.FromMinutes(30)), read);

        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(TokenStatus.Expired, (await tokens.ReadAsync(token, DirectLineTokens.ConversationScope)).Status);
    }

    [Fact]
    public async Task Another_site_secret_a_changed_claim_alg_none_a_stream_token_used_as_conversation_token_and_garbage_are_invalid()
    {
        var tokens = await TokensAsync();
        var token = tokens.Issue("conv-1", "dl_user", DirectLineTokens.ConversationScope, TimeSpan.FromMinutes(30));
        var parts = token.Split('.');
        var otherConversation = Part(token, 1);
        otherConversation["conv"] = "conv-2";
        var forged = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(otherConversation.ToJsonString()))}.{parts[2]}";
        var unsigned = $"{Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8)}.{parts[1]}.";

        foreach (var bad in new[]
        {
            (await TokensAsync("another-site-secret-0123456789-abcdefghij")).Issue("conv-1", "dl_user", DirectLineTokens.ConversationScope, TimeSpan.FromMinutes(30)),
            forged,
            unsigned,
            tokens.Issue("conv-1", null, DirectLineTokens.StreamScope, TimeSpan.FromMinutes(1)),
            "not.a.token",
            "",
        })
        {
            Assert.Equal((TokenStatus.Invalid, null), await tokens.ReadAsync(bad, DirectLineTokens.ConversationScope));
        }
    }

    [Fact]
    public async Task A_token_issued_before_the_move_to_identitymodel_is_still_accepted_until_it_expires()
    {
        // Built as the hand-written issuer did: the same header, claims, HMAC key derivation and base64url encoding.
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(SiteSecret), "guidancebot/directline/token/v1"u8);
        var header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $$"""{"conv":"conv-old","user":"dl_old","scope":"conversation","iat":{{Noon.ToUnixTimeSeconds()}},"exp":{{(Noon + TimeSpan.FromMinutes(30)).ToUnixTimeSeconds()}},"jti":"0011223344556677"}"""));
        var signature = Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{header}.{payload}")));

        var (status, read) = await (await TokensAsync()).ReadAsync($"{header}.{payload}.{signature}", DirectLineTokens.ConversationScope);

        Assert.Equal(TokenStatus.Valid, status);
        Assert.Equal(("conv-old", "dl_old"), (read!.ConversationId, read.UserId));
    }
}
