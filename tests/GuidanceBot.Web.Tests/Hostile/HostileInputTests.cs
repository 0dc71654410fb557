using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using GuidanceBot.Staff;
using GuidanceBot.Tests.Dashboard;
using GuidanceBot.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests.Hostile;

/// <summary>Inputs that once reached a 500 (issue 16, defect 4) and messages too long to read (defect 2): a 4xx or a polite reply, never a 5xx.</summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private const string AdminPassword = "admin-password-1";
    private const string ApiKey = "hostile-tool-key";
    private readonly TestHost _host = DirectLineClient.NewHost();

    public async Task InitializeAsync()
    {
        _host.Settings["GuidanceBot:Analytics:ApiKeys:0"] = ApiKey;
        await _host.Services.GetRequiredService<StaffAccounts>().AddOrResetAsync("lan.admin", StaffRoles.Admin, AdminPassword, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static JsonObject Message(string conversationId, string text) => new()
    {
        ["type"] = "message",
        ["channelId"] = "test",
        ["from"] = new JsonObject { ["id"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["locale"] = "vi-VN",
        ["text"] = text,
        ["deliveryMode"] = "expectReplies",
    };

    private static StringContent RawJson(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("đăng ký \uFFFE tạm trú")]
    [InlineData("\uFFFF\uFDD0 khai sinh")]
    [InlineData("a\u0000b\u0007c")]
    public async Task Noncharacters_and_controls_in_a_message_get_a_reply_on_api_messages(string text)
    {
        var client = _host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/messages", Message("c-nonchar", text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotEmpty(body!["activities"]!.AsArray());
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_message_is_refused_or_answered_never_a_server_error()
    {
        var client = _host.CreateClient();
        var json = """{"type":"message","channelId":"test","from":{"id":"user"},"recipient":{"id":"bot"},"conversation":{"id":"c-lone"},"text":"ab\ud800cd","value":{"x":"\udc00"},"deliveryMode":"expectReplies"}""";

        var response = await client.PostAsync("/api/messages", RawJson(json));

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        // The conversation still works.
        var next = await client.PostAsJsonAsync("/api/messages", Message("c-lone", "xin chào"));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_message_longer_than_the_limit_gets_a_polite_reply_and_no_long_text_is_stored()
    {
        var client = _host.CreateClient();
        var text = string.Concat(Enumerable.Repeat("tôi muốn hỏi về thủ tục 0912 345 678 ", 300));

        var replies = await _host.Send(client, "c-long", text);

        Assert.Contains("dài", ApiMessages.Texts(replies));
        foreach (var e in await _host.Events())
        {
            Assert.True((e.Property("text") ?? "").Length <= GuidanceBot.Engine.MessageLimits.MaxExcerptCharacters);
        }
    }

    [Fact]
    public async Task Not_understood_events_keep_a_bounded_redacted_excerpt()
    {
        var client = _host.CreateClient();
        var text = string.Concat(Enumerable.Repeat("blorp zzz 0912 345 678 ", 80));

        await _host.Send(client, "c-excerpt", text);

        var kept = (await _host.Events()).Select(e => e.Property("text")).OfType<string>().ToList();
        Assert.NotEmpty(kept);
        Assert.All(kept, t => Assert.True(t.Length <= GuidanceBot.Engine.MessageLimits.MaxExcerptCharacters, t));
        Assert.All(kept, t => Assert.DoesNotContain("0912", t));
    }

    [Fact]
    public async Task Direct_line_answers_noncharacters_and_a_lone_surrogate_in_value_without_poisoning_the_transcript()
    {
        var http = _host.CreateClient();
        var dl = new DirectLineClient(_host, http);
        var (conversationId, token, _) = await dl.Start();

        var nonchar = await dl.Send(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, DirectLineClient.Message("tạm trú \uFFFE", "n1"));
        Assert.Equal(HttpStatusCode.OK, nonchar.StatusCode);

        var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = RawJson("""{"type":"message","text":"xin chào","from":{"id":"dl_tester"},"value":{"choice":"\ud800"},"channelData":{"clientActivityID":"n2"}}"""),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var lone = await http.SendAsync(request);
        Assert.True((int)lone.StatusCode < 500, $"{(int)lone.StatusCode} {await lone.Content.ReadAsStringAsync()}");

        var transcript = await dl.Send(HttpMethod.Get, $"/conversations/{conversationId}/activities", token);
        Assert.Equal(HttpStatusCode.OK, transcript.StatusCode);
        var after = await dl.Send(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, DirectLineClient.Message("khai sinh", "n3"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dl.Send(HttpMethod.Get, $"/conversations/{conversationId}/activities", token)).StatusCode);
    }

    [Fact]
    public async Task A_long_direct_line_message_gets_a_polite_reply_and_its_echo_is_cut()
    {
        var http = _host.CreateClient();
        var dl = new DirectLineClient(_host, http);
        var (conversationId, token, _) = await dl.Start();
        var text = new string('a', 30_000);

        var posted = await dl.Send(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, DirectLineClient.Message(text, "long"));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var transcript = await dl.Json(HttpMethod.Get, $"/conversations/{conversationId}/activities", token);
        var activities = transcript["activities"]!.AsArray();
        Assert.All(activities, a => Assert.True(((string?)a!["text"] ?? "").Length <= GuidanceBot.Engine.MessageLimits.MaxCharacters + 1));
        Assert.Contains(activities, a => (string?)a!["from"]!["id"] == GuidanceBot.Web.Channels.DirectLine.DirectLineTurns.BotId && ((string?)a["text"] ?? "").Contains("dài"));
    }

    [Theory]
    [InlineData("from=0001-01-01&to=9999-12-31")]
    [InlineData("from=0001-01-01")]
    [InlineData("to=9999-12-31")]
    public async Task Extreme_dates_on_the_analytics_api_are_answered_without_a_server_error(string query)
    {
        var client = _host.CreateClient();
        foreach (var path in new[] { "/api/analytics/funnel?flow=khai-sinh&", "/api/analytics/not-understood?", "/api/analytics/summary?", "/api/analytics/report?", "/api/analytics/report.html?" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path + query);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
            var response = await client.SendAsync(request);
            Assert.True((int)response.StatusCode < 500, $"{path}{query}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("from=0001-01-01&to=9999-12-31")]
    [InlineData("from=0001-01-01")]
    [InlineData("to=9999-12-31")]
    public async Task Extreme_dates_on_dashboard_pages_are_answered_without_a_server_error(string query)
    {
        using var session = new StaffSession(_host);
        await session.SignInAsync("lan.admin", AdminPassword);
        foreach (var path in new[] { "/dashboard?", "/dashboard/funnel?flow=khai-sinh&", "/dashboard/not-understood?", "/dashboard/report?", "/dashboard/report.csv?", "/dashboard/funnel.csv?flow=khai-sinh&" })
        {
            var response = await session.Client.GetAsync(path + query);
            Assert.True((int)response.StatusCode < 500, $"{path}{query}: {(int)response.StatusCode}");
        }
    }

    public static TheoryData<string, HttpContent> HostileForms()
    {
        var manyFields = string.Join('&', Enumerable.Range(0, 1_100).Select(i => $"f{i}=x"));
        var data = new TheoryData<string, HttpContent>
        {
            { "nul", new StringContent("name=a%00b&password=x%00&__csrf=%00", Encoding.ASCII, "application/x-www-form-urlencoded") },
            { "many fields", new StringContent(manyFields, Encoding.ASCII, "application/x-www-form-urlencoded") },
            { "4 MB field", new StringContent("name=" + new string('a', 4 * 1024 * 1024), Encoding.ASCII, "application/x-www-form-urlencoded") },
        };
        var multipart = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nabc\r\n--xy", Encoding.ASCII);
        multipart.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        data.Add("malformed multipart", multipart);
        var noBoundary = new StringContent("abc", Encoding.ASCII);
        noBoundary.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");
        data.Add("multipart without boundary", noBoundary);
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileForms))]
    public async Task Hostile_form_posts_get_a_client_error_on_every_dashboard_form(string kind, HttpContent content)
    {
        using var session = new StaffSession(_host);
        await session.SignInAsync("lan.admin", AdminPassword);
        var body = await content.ReadAsByteArrayAsync();
        foreach (var path in new[] { "/dashboard/sign-in", "/dashboard/sign-out", "/dashboard/language", "/dashboard/accounts/add", "/dashboard/accounts/remove",
                     "/dashboard/accounts/api-keys/create", "/dashboard/accounts/api-keys/revoke" })
        {
            var copy = new ByteArrayContent(body);
            copy.Headers.ContentType = content.Headers.ContentType;
            var response = await session.Client.PostAsync(path, copy);
            var status = (int)response.StatusCode;
            Assert.True(status < 500, $"{kind} on {path}: {status}");
        }
    }
}
