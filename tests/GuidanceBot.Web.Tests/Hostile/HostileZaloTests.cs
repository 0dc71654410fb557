using System.Net;
using System.Text;
using GuidanceBot.Tests.Zalo;

namespace GuidanceBot.Tests.Hostile;

/// <summary>The Zalo webhook with broken text (issue 16, defect 4): refused with a 4xx before or at the signature check, or answered politely.</summary>
public sealed class HostileZaloTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(7));
    private FakeZalo _fake = null!;
    private ZaloTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeZalo.StartAsync();
        _host = new ZaloTestHost(_fake, new FixedTime(Start));
        await _host.SeedTokensAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostRawAsync(byte[] raw, bool sign)
    {
        using var request = ZaloTestHost.Signed(raw, FakeZalo.AppId, ZaloTestHost.Ms(Start), sign ? "sign" : null);
        return await _host.Client.SendAsync(request);
    }

    private static byte[] EventWithText(string jsonEscapedText) => Encoding.UTF8.GetBytes(
        ZaloTestHost.TextEvent("u-hostile", "m-" + Guid.NewGuid().ToString("N"), "PLACEHOLDER", Start).ToJsonString()
            .Replace("\"PLACEHOLDER\"", "\"" + jsonEscapedText + "\"", StringComparison.Ordinal));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Invalid_utf8_is_refused_with_a_client_error(bool sign)
    {
        var raw = EventWithText("ab__cd");
        var at = Array.IndexOf(raw, (byte)'_');
        raw[at] = 0xC3;
        raw[at + 1] = 0x28;

        var response = await PostRawAsync(raw, sign);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Empty(await _host.QueryAsync("SELECT 1 FROM zalo_inbox"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_lone_surrogate_is_refused_with_a_client_error(bool sign)
    {
        var response = await PostRawAsync(EventWithText("ab\\ud800cd"), sign);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Empty(await _host.QueryAsync("SELECT 1 FROM zalo_inbox"));
    }

    [Fact]
    public async Task A_noncharacter_in_a_signed_event_gets_a_reply_and_the_event_is_processed_once()
    {
        var response = await PostRawAsync(EventWithText("tạm trú \\ufffe"), sign: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.Until(() => _host.QueryAsync("SELECT 1 FROM zalo_inbox WHERE processed_at IS NULL"), rows => rows.Count == 0, "the event processed");
        await Eventually.Until(() => _fake.Delivered.Count, n => n > 0, "a reply delivered");
        Assert.Empty(await _host.QueryAsync("SELECT 1 FROM zalo_inbox WHERE attempts > 1"));
    }
}
