using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace GuidanceBot.Tests.Analytics;

/// <summary>
/// <c>/api/analytics/communes</c> and <c>commune=</c> on funnels and reports, through the real host and conversations with
/// the real bot: runs counted by the commune citizens named, and the small-number rule in every field.
/// </summary>
public sealed class CommuneApiTests : IAsyncLifetime
{
    private const string Key = "commune-test-key";
    private readonly TestHost _host = new() { Time = new FixedTime(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero)) };
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host.Settings["GuidanceBot:Analytics:ApiKeys:0"] = Key;
        _host.Settings["GuidanceBot:Analytics:MinRunsPerCommune"] = "3";
        _client = _host.CreateClient();
        // Four birth registrations in Hạc Thành (one said by its former name), one in Thiệu Quang, two with no commune.
        var n = 0;
        foreach (var place in new[] { "tôi ở phường Hạc Thành", "toi o phuong hac thanh", "nhà mình ở phường Điện Biên cũ", "tôi ở phường Hạc Thành",
                     "tôi ở xã Thiệu Quang", null, null })
        {
            var conversation = $"c{n++}";
            await _host.Send(_client, conversation, "tôi muốn làm giấy khai sinh cho con");
            if (place is not null)
            {
                await _host.Send(_client, conversation, place);
            }
            await _host.Send(_client, conversation, "thoát");
        }
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return _host.DisposeAsync().AsTask();
    }

    private async Task<(HttpStatusCode Status, string Body, HttpContentHeaders Headers)> Get(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers);
    }

    [Fact]
    public async Task Communes_are_listed_with_runs_and_conversion_and_small_ones_read_less_than_the_minimum()
    {
        var (status, body, _) = await Get("/api/analytics/communes?from=2026-11-20&to=2026-11-20&flow=khai-sinh&channel=test");

        Assert.Equal(HttpStatusCode.OK, status);
        var communes = JsonNode.Parse(body)!["communes"]!.AsArray();
        Assert.Equal(166, communes.Count);
        var first = communes[0]!;
        Assert.Equal(("phuong-hac-thanh", "phường Hạc Thành", "phuong"), ((string?)first["id"], (string?)first["name"], (string?)first["kind"]));
        Assert.Equal((4, 0, 4), ((int)first["runs"]!["started"]!, (int)first["runs"]!["completed"]!, (int)first["runs"]!["cancelled"]!));
        Assert.Equal(0.0, (double)first["conversion"]!);
        // Thiệu Quang's one run: every count "< 3", no conversion; so does every commune without runs.
        var thieuQuang = communes.Single(c => (string?)c!["id"] == "xa-thieu-quang")!;
        foreach (var field in new[] { "started", "completed", "abandoned", "cancelled", "handedOff", "replaced", "inProgress" })
        {
            Assert.Equal("< 3", (string?)thieuQuang["runs"]![field]);
        }
        Assert.Null(thieuQuang["conversion"]);
        Assert.Equal(165, communes.Count(c => c!["runs"]!["started"] is JsonValue v && v.TryGetValue<string>(out var text) && text == "< 3"));
        // No total anywhere: only what the shown communes say.
        Assert.DoesNotContain("\"total", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Communes_come_as_csv_with_the_same_rule()
    {
        var (status, body, headers) = await Get("/api/analytics/communes.csv?flow=khai-sinh");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/csv", headers.ContentType!.MediaType);
        var lines = body.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("commune,name,kind,started,completed,abandoned,cancelled,handedOff,replaced,inProgress,conversion", lines[0]);
        Assert.Equal("phuong-hac-thanh,phường Hạc Thành,phuong,4,0,0,4,0,0,0,0", lines[1]);
        Assert.Contains("xa-thieu-quang,xã Thiệu Quang,xa,< 3,< 3,< 3,< 3,< 3,< 3,< 3,", lines);
        Assert.Equal(167, lines.Length);
    }

    [Fact]
    public async Task A_funnel_and_a_report_by_commune_are_given_for_a_shown_commune_and_refused_for_a_hidden_one()
    {
        var (status, body, _) = await Get("/api/analytics/funnel?flow=khai-sinh&commune=phuong-hac-thanh");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, (int)JsonNode.Parse(body)!["runs"]!["started"]!);

        var report = await Get("/api/analytics/report?from=2026-11-20&to=2026-11-20&commune=phuong-hac-thanh");
        Assert.Equal(HttpStatusCode.OK, report.Status);
        var json = JsonNode.Parse(report.Body)!;
        Assert.Equal(4, (int)json["totals"]!["started"]!);
        // Only flows with enough runs in the commune are listed; the lists read from events (no commune on them) are empty.
        Assert.Equal(["khai-sinh"], json["flows"]!.AsArray().Select(f => (string?)f!["flow"]));
        Assert.Empty(json["notUnderstood"]!.AsArray());

        foreach (var url in new[] { "/api/analytics/funnel?flow=khai-sinh&commune=xa-thieu-quang", "/api/analytics/funnel.csv?flow=khai-sinh&commune=xa-dong-tien",
                     "/api/analytics/report?from=2026-11-20&to=2026-11-20&commune=xa-thieu-quang" })
        {
            var refused = await Get(url);
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            var error = JsonNode.Parse(refused.Body)!["error"]!;
            Assert.Equal("TooFewRuns", (string?)error["code"]);
            Assert.Contains("from 3 runs", (string?)error["message"]);
            Assert.DoesNotContain("1", (string?)error["message"]);
        }
    }

    [Fact]
    public async Task The_report_has_a_table_of_the_shown_communes_in_json_csv_and_print()
    {
        var json = JsonNode.Parse((await Get("/api/analytics/report?from=2026-11-20&to=2026-11-20")).Body)!;
        var commune = Assert.Single(json["communes"]!.AsArray())!;
        Assert.Equal(("phuong-hac-thanh", 4, 0), ((string?)commune["id"], (int)commune["started"]!, (int)commune["completed"]!));
        Assert.Null(commune["previousConversion"]); // nothing the day before
        Assert.Equal(165, (int)json["communesHidden"]!);

        var csv = (await Get("/api/analytics/report.csv?from=2026-11-20&to=2026-11-20")).Body;
        Assert.Contains("commune,name,started,completed,conversion,previousConversion\r\nphuong-hac-thanh,phường Hạc Thành,4,0,0,\r\n", csv);
        Assert.DoesNotContain("xa-thieu-quang", csv);

        var page = WebUtility.HtmlDecode((await Get("/api/analytics/report.html?from=2026-11-20&to=2026-11-20")).Body);
        Assert.Contains("<h2>Theo xã/phường</h2>", page);
        Assert.Contains("<td>phường Hạc Thành</td><td>4</td><td>0</td>", page);
        Assert.Contains("165 xã, phường có ít lượt", page);
        Assert.DoesNotContain("Thiệu Quang", page);
    }

    [Theory]
    [InlineData("/api/analytics/funnel?flow=khai-sinh&commune=xa-khong-co", "UnknownCommune")]
    [InlineData("/api/analytics/communes?commune=phuong-hac-thanh", "BadCommune")]
    [InlineData("/api/analytics/not-understood?commune=phuong-hac-thanh", "NotByCommune")]
    [InlineData("/api/analytics/communes?from=2026-11-31", "BadDate")]
    public async Task Bad_commune_requests_get_400_with_a_clear_message(string url, string code)
    {
        var (status, body, _) = await Get(url);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, (string?)JsonNode.Parse(body)!["error"]!["code"]);
    }

    [Fact]
    public async Task The_events_and_state_keep_the_communes_id_and_never_what_the_citizen_typed()
    {
        await _host.Send(_client, "addr", "tôi muốn làm giấy khai sinh cho con");
        await _host.Send(_client, "addr", "nhà mình ở số 12 ngõ 5, phường Điện Biên cũ");

        var bytes = string.Concat(new[] { _host.SqlitePath, _host.SqlitePath + "-wal" }.Where(File.Exists).Select(Read));
        Assert.Contains("phuong-hac-thanh", bytes);
        Assert.DoesNotContain("ngõ 5", bytes);
    }

    /// <summary>The file as it is on disk now, while the host holds it open.</summary>
    private static string Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Encoding.UTF8.GetString(copy.ToArray());
    }
}
