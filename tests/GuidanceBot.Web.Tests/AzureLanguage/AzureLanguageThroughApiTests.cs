using System.Text.Json.Nodes;
using GuidanceBot.Language;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests.AzureLanguage;

/// <summary>The web host with Azure AI Language pointed at the stub (or not configured): what reaches the events table.</summary>
public sealed class AzureLanguageThroughApiTests : IAsyncLifetime
{
    private const string Name = "Trần Thị Hoa";
    private const string Phone = "0912345678";

    private AzureLanguageStub _stub = null!;

    public async Task InitializeAsync() => _stub = await AzureLanguageStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task Personal_data_the_service_finds_is_redacted_in_the_stored_event()
    {
        _stub.Pii["Person"] = Name;
        await using var host = Configured(new TestHost());
        var client = host.CreateClient();

        await host.Send(client, "az", $"hỏi giúp bà {Name}, sđt {Phone}, về con mèo bị lạc");

        var props = Assert.Single(await TextProps(host.SqlitePath));
        Assert.Equal("hỏi giúp bà [TÊN], sđt [SĐT], về con mèo bị lạc", (string?)JsonNode.Parse(props)!["text"]);
        // The column as stored (JSON may escape Vietnamese letters): neither form of the name, nor the number.
        Assert.DoesNotContain(Name, props);
        Assert.DoesNotContain(System.Text.Json.JsonEncodedText.Encode(Name).ToString(), props);
        Assert.DoesNotContain(Phone, props);
        // One PII request with the locally redacted text; Vietnamese was not sent for language detection.
        var request = Assert.Single(_stub.Requests);
        Assert.Equal("PiiEntityRecognition", request.Kind);
        Assert.DoesNotContain(Phone, request.Text);
    }

    [Fact]
    public async Task English_confirmed_by_the_service_is_answered_in_english()
    {
        _stub.Language = ("en", 0.99);
        await using var host = Configured(new TestHost());
        var client = host.CreateClient();

        var replies = await host.Send(client, "en", "I need to register my baby's birth");

        Assert.StartsWith("I will answer in English.", ApiMessages.Texts(replies));
        Assert.Equal("LanguageDetection", Assert.Single(_stub.Requests).Kind);
    }

    [Fact]
    public async Task A_service_that_fails_leaves_the_turn_answered_and_the_text_redacted_locally()
    {
        _stub.Override = (_, _) => Task.FromResult(AzureLanguageStub.Error(500, "InternalServerError", "Internal server error."));
        await using var host = Configured(new TestHost());
        var client = host.CreateClient();

        var replies = await host.Send(client, "down", $"hỏi giúp bà {Name}, sđt {Phone}, về con mèo bị lạc");

        Assert.NotEmpty(ApiMessages.Texts(replies));
        var props = Assert.Single(await TextProps(host.SqlitePath));
        Assert.Equal($"hỏi giúp bà {Name}, sđt [SĐT], về con mèo bị lạc", (string?)JsonNode.Parse(props)!["text"]);
        Assert.NotEmpty(_stub.Requests);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Without_both_endpoint_and_key_nothing_is_sent(bool endpoint, bool key)
    {
        await using var host = new TestHost();
        if (endpoint)
        {
            host.Settings["GuidanceBot:Language:Azure:Endpoint"] = _stub.Endpoint;
        }
        if (key)
        {
            host.Settings["GuidanceBot:Language:Azure:Key"] = AzureLanguageStub.Key;
        }
        var client = host.CreateClient();

        await host.Send(client, "off", "I need to register my baby's birth");
        await host.Send(client, "off2", $"hỏi giúp bà {Name}, sđt {Phone}, về con mèo bị lạc");

        Assert.IsType<LocalTextAnalyzer>(host.Services.GetRequiredService<ITextAnalyzer>());
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task A_plain_http_endpoint_off_this_machine_stops_the_host_at_start()
    {
        await using var host = new TestHost();
        host.Settings["GuidanceBot:Language:Azure:Endpoint"] = "http://language.example.com";
        host.Settings["GuidanceBot:Language:Azure:Key"] = AzureLanguageStub.Key;

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("GuidanceBot:Language:Azure:Endpoint", error.ToString());
    }

    private TestHost Configured(TestHost host)
    {
        host.Settings["GuidanceBot:Language:Azure:Endpoint"] = _stub.Endpoint;
        host.Settings["GuidanceBot:Language:Azure:Key"] = AzureLanguageStub.Key;
        // The production 2 s would let a busy test machine turn a stub answer into a fallback.
        host.Settings["GuidanceBot:Language:Azure:Timeout"] = "00:00:30";
        return host;
    }

    /// <summary>
    /// The props column of the rows that carry the citizen's text (not understood, or out of scope as a lost cat is),
    /// read from the events table itself.
    /// </summary>
    private static async Task<List<string>> TextProps(string sqlitePath)
    {
        await using var connection = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT props FROM events WHERE kind IN ('not-understood', 'out-of-scope') ORDER BY id";
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetString(0));
        }
        return result;
    }
}
