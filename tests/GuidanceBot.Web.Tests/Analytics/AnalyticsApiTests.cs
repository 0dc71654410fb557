using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GuidanceBot.Analytics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests.Analytics;

/// <summary>The analytics API through the real host: keys, errors, JSON shape, CSV, the report, and no personal data in analytics tables.</summary>
public sealed class AnalyticsApiTests : IAsyncLifetime
{
    private const string Key = "test-key-ß-1";
    private readonly TestHost _host = new() { Time = new FixedTime(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero)) };
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _host.Settings["GuidanceBot:Analytics:ApiKeys:0"] = "another-key";
        _host.Settings["GuidanceBot:Analytics:ApiKeys:1"] = Key;
        _client = _host.CreateClient();
        return Task.CompletedTask;
    }

    private HttpRequestMessage Get(string url, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return request;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData("test-key-ß-")]
    public async Task Requests_without_a_valid_key_get_401(string? key)
    {
        foreach (var url in new[] { "/api/analytics/flows", "/api/analytics/funnel?flow=khai-sinh", "/api/analytics/report.csv?from=2026-11-01&to=2026-11-30" })
        {
            var response = await _client.SendAsync(Get(url, key));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("Unauthorized", (string?)body["error"]!["code"]);
        }
    }

    [Theory]
    [InlineData("/api/analytics/funnel?flow=khai-sinh&from=2026-13-01", "BadDate", "yyyy-MM-dd")]
    [InlineData("/api/analytics/funnel?flow=khai-sinh&from=2026-11-30&to=2026-11-01", "BadDate", "after")]
    [InlineData("/api/analytics/funnel?flow=khong-co", "UnknownFlow", "khong-co")]
    [InlineData("/api/analytics/funnel.csv?flow=khong-co", "UnknownFlow", "khong-co")]
    [InlineData("/api/analytics/report?from=2026-11-01", "MissingDates", "both dates")]
    [InlineData("/api/analytics/report?from=hôm-qua&to=2026-11-30", "BadDate", "hôm-qua")]
    public async Task Bad_dates_and_unknown_flows_get_400_with_a_clear_message(string url, string code, string message)
    {
        var response = await _client.SendAsync(Get(url));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal(code, (string?)error["code"]);
        Assert.Contains(message, (string?)error["message"]);
    }

    [Fact]
    public async Task Funnel_json_has_the_documented_shape_and_csv_keeps_vietnamese_with_a_bom()
    {
        await _host.Send(_client, "a", "tôi muốn làm giấy khai sinh cho con");
        await _host.Send(_client, "a", "thoát");

        var json = JsonNode.Parse(await (await _client.SendAsync(Get("/api/analytics/funnel?flow=khai-sinh&from=2026-11-20&to=2026-11-20&channel=test"))).Content.ReadAsStringAsync())!;
        Assert.Equal("khai-sinh", (string?)json["flow"]);
        Assert.Equal(1, (int)json["runs"]!["started"]!);
        Assert.Equal(1, (int)json["runs"]!["cancelled"]!);
        foreach (var name in new[] { "completed", "abandoned", "handedOff", "replaced" })
        {
            Assert.Equal(0, (int)json["runs"]![name]!);
        }
        var first = json["steps"]![0]!;
        Assert.Equal(RealStart(), (string?)first["id"]);
        Assert.Equal(1, (int)first["entered"]!);
        Assert.Equal(0, (int)first["movedOn"]!);
        Assert.Equal(1, (int)first["ended"]!["cancelled"]!);
        Assert.True(first.AsObject().ContainsKey("medianSeconds") || first["medianSeconds"] is null);

        var csv = await _client.SendAsync(Get("/api/analytics/funnel.csv?flow=khai-sinh"));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("flow,version,step,kind,label,", text);
        Assert.Contains("Bé được sinh ở đâu?", text);
    }

    [Fact]
    public async Task Report_comes_as_json_csv_and_a_printable_page()
    {
        await _host.Send(_client, "r", "tôi muốn làm giấy khai sinh cho con");
        await _host.Send(_client, "r", "gặp cán bộ");

        var json = JsonNode.Parse(await (await _client.SendAsync(Get("/api/analytics/report?from=2026-11-16&to=2026-11-22"))).Content.ReadAsStringAsync())!;
        var flow = json["flows"]!.AsArray().Single(f => (string?)f!["flow"] == "khai-sinh")!;
        Assert.Equal(1, (int)flow["runs"]!["handedOff"]!);
        Assert.Equal(RealStart(), (string?)json["worstSteps"]![0]!["step"]);

        var csv = await (await _client.SendAsync(Get("/api/analytics/report.csv?from=2026-11-16&to=2026-11-22"))).Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Contains("khai-sinh,", Encoding.UTF8.GetString(csv));

        var page = await _client.SendAsync(Get("/api/analytics/report.html?from=2026-11-16&to=2026-11-22"));
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Báo cáo hướng dẫn thủ tục", html);
        Assert.Contains("16/11/2026", html);
    }

    [Fact]
    public async Task No_personal_data_in_any_column_of_any_analytics_table()
    {
        const string IdNumber = "001090012345";
        const string Phone = "0912345678";
        await _host.Send(_client, "p", $"số CCCD của tôi là {IdNumber}, sđt {Phone}");
        await _host.Send(_client, "p", "tôi muốn làm giấy khai sinh cho con");
        await _host.Send(_client, "p", $"{IdNumber} {Phone}");
        await _host.Send(_client, "p", $"gọi cho tôi 0912 345 678 hoặc +84912345678, CCCD {IdNumber}");
        _host.Time!.Advance(TimeSpan.FromHours(2));
        await _host.Services.GetRequiredService<AbandonmentSweeper>().SweepAsync(CancellationToken.None);
        await _host.Services.GetRequiredService<FunnelQuery>().ReportAsync(new AnalyticsFilter(), CancellationToken.None);

        using var connection = new SqliteConnection($"Data Source={_host.SqlitePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('conversations', 'schema_version', 'sqlite_sequence')";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        Assert.Contains("events", tables);
        Assert.Contains("rollup_steps", tables);
        var cells = 0;
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
                    var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
                    Assert.DoesNotContain(IdNumber, digits);
                    Assert.DoesNotContain("912345678", digits);
                    Assert.DoesNotContain("090012345", digits);
                    cells++;
                }
            }
        }
        Assert.True(cells > 50, $"only {cells} cells read");
        Assert.Contains(await _host.Events(), e => e.Kind == EventKinds.FlowAbandoned);
        Assert.Contains(await _host.Events(), e => e.Kind == EventKinds.NotUnderstood && e.Property("text")!.Contains("[SỐ GIẤY TỜ]"));
    }

    private static string RealStart() =>
        GuidanceBot.Content.FlowLoader.LoadDirectory(GuidanceBotServices.FindDialogsDirectory(AppContext.BaseDirectory)).Catalog!.Find("khai-sinh")!.MainPath[0];

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }
}
