using System.Text.Json.Nodes;
using GuidanceBot.Language;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.Tests.AzureLanguage;

/// <summary>The Azure AI Language analyser against a local stub of the documented REST API.</summary>
public sealed class AzureTextAnalyzerTests : IAsyncLifetime
{
    private const string Name = "Trần Thị Hoa";
    private const string Phone = "0912345678";
    private const string Question = $"cho hỏi bà {Name}, sđt {Phone}, nhà 12 Lê Lợi, về con mèo";

    private readonly CapturedLogs _logs = new();
    private AzureLanguageStub _stub = null!;
    private ServiceProvider? _services;

    public async Task InitializeAsync() => _stub = await AzureLanguageStub.StartAsync();

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        await _stub.DisposeAsync();
    }

    /// <summary>The analyser over the stub; a generous timeout unless a test is about timeouts, so a busy machine cannot fail a test.</summary>
    private AzureTextAnalyzer Analyzer(TimeProvider? time = null, TimeSpan? timeout = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddHttpClient(AzureTextAnalyzer.HttpClientName);
        services.AddSingleton(time ?? TimeProvider.System);
        services.Configure<AzureLanguageOptions>(o =>
        {
            o.Endpoint = _stub.Endpoint + "/";
            o.Key = AzureLanguageStub.Key;
            o.Timeout = timeout ?? TimeSpan.FromSeconds(30);
        });
        services.AddSingleton<AzureTextAnalyzer>();
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<AzureTextAnalyzer>();
    }

    [Fact]
    public async Task Redaction_posts_the_documented_request_with_the_locally_redacted_text()
    {
        await Analyzer().RedactAsync(Question, "vi", CancellationToken.None);

        var request = Assert.Single(_stub.Requests);
        Assert.Equal("/language/:analyze-text", request.Path);
        Assert.Equal("?api-version=2024-11-01", request.Query);
        Assert.Equal(AzureLanguageStub.Key, request.Key);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal("PiiEntityRecognition", request.Kind);
        Assert.Equal("Utf16CodeUnit", (string?)request.Body["parameters"]!["stringIndexType"]);
        Assert.True((bool)request.Body["parameters"]!["loggingOptOut"]!);
        Assert.Equal(("1", "vi"), ((string?)request.Document["id"], (string?)request.Document["language"]));
        // The phone number was redacted here before anything left: the service never sees it.
        Assert.Equal(Redactor.Redact(Question), request.Text);
        Assert.DoesNotContain(Phone, request.Text);
    }

    [Fact]
    public async Task Spans_the_service_finds_are_replaced_on_top_of_the_local_redaction()
    {
        _stub.Pii["Person"] = Name;
        _stub.Pii["Address"] = "12 Lê Lợi";

        var redacted = await Analyzer().RedactAsync(Question, "vi", CancellationToken.None);

        Assert.Equal("cho hỏi bà [TÊN], sđt [SĐT], nhà [ĐỊA CHỈ], về con mèo", redacted);
    }

    [Fact]
    public async Task Offsets_are_utf16_code_units_so_text_after_an_emoji_is_cut_in_the_right_place()
    {
        _stub.Pii["Person"] = Name;

        var redacted = await Analyzer().RedactAsync($"👍👍 cảm ơn, cho hỏi {Name} ở đâu", "vi", CancellationToken.None);

        Assert.Equal("👍👍 cảm ơn, cho hỏi [TÊN] ở đâu", redacted);
    }

    [Fact]
    public async Task An_entity_whose_offset_misses_its_text_is_found_by_its_text()
    {
        // The service's own published example answers offset 28 for text at 10; trust the text over the offset.
        _stub.Override = (request, _) => Task.FromResult(Results.Json(AzureLanguageStub.Documents("PiiEntityRecognitionResults", "2024-04-15", new JsonObject
        {
            ["id"] = "1",
            ["redactedText"] = request.Text,
            ["entities"] = new JsonArray(new JsonObject { ["text"] = Name, ["category"] = "Person", ["offset"] = 2, ["length"] = Name.Length, ["confidenceScore"] = 0.8 }),
            ["warnings"] = new JsonArray(),
        })));

        var redacted = await Analyzer().RedactAsync(Question, "vi", CancellationToken.None);

        Assert.Equal("cho hỏi bà [TÊN], sđt [SĐT], nhà 12 Lê Lợi, về con mèo", redacted);
    }

    [Fact]
    public async Task Characters_masked_in_redactedText_are_redacted_even_without_an_entity()
    {
        _stub.Override = (request, _) => Task.FromResult(Results.Json(AzureLanguageStub.Documents("PiiEntityRecognitionResults", "2024-04-15", new JsonObject
        {
            ["id"] = "1",
            ["redactedText"] = request.Text.Replace("12 Lê Lợi", "*********"),
            ["entities"] = new JsonArray(),
            ["warnings"] = new JsonArray(),
        })));

        var redacted = await Analyzer().RedactAsync(Question, "vi", CancellationToken.None);

        // The name is the local redactor's (a capitalised name with a common surname); the address the service's mask.
        Assert.Equal("cho hỏi bà [TÊN], sđt [SĐT], nhà [THÔNG TIN CÁ NHÂN], về con mèo", redacted);
    }

    [Fact]
    public async Task Nothing_found_by_the_service_still_leaves_the_local_redaction()
    {
        var redacted = await Analyzer().RedactAsync(Question, "en", CancellationToken.None);

        Assert.Equal(Redactor.Redact(Question), redacted);
        Assert.Equal("en", (string?)Assert.Single(_stub.Requests).Document["language"]);
    }

    [Fact]
    public async Task Language_detection_posts_the_documented_request_and_reads_the_detected_language()
    {
        _stub.Language = ("de", 0.98);

        var detected = await Analyzer().DetectLanguageAsync("Guten Tag, ich brauche einen neuen Reisepass", CancellationToken.None);

        Assert.Equal(new DetectedLanguage("de", 0.98), detected);
        var request = Assert.Single(_stub.Requests);
        Assert.Equal(("/language/:analyze-text", "LanguageDetection"), (request.Path, request.Kind));
        Assert.Equal("VN", (string?)request.Document["countryHint"]);
        Assert.Equal("Guten Tag, ich brauche einen neuen Reisepass", request.Text);
        Assert.Null(request.Document["language"]);
    }

    [Fact]
    public async Task English_is_confirmed_by_the_service()
    {
        _stub.Language = ("en", 0.99);

        var detected = await Analyzer().DetectLanguageAsync("I need to register my baby's birth", CancellationToken.None);

        Assert.Equal(new DetectedLanguage("en", 0.99), detected);
    }

    [Fact]
    public async Task The_service_saying_it_cannot_tell_is_unknown()
    {
        _stub.Language = ("(Unknown)", 0.0);

        var detected = await Analyzer().DetectLanguageAsync("Guten Tag, ich brauche einen neuen Reisepass", CancellationToken.None);

        Assert.True(detected.IsUnknown);
    }

    [Theory]
    [InlineData("be sinh o nha ko co giay chung sinh thi khai sinh the nao")]
    [InlineData("tôi muốn làm giấy khai sinh cho con")]
    [InlineData("ok")]
    [InlineData("Tiếp tục")]
    public async Task Vietnamese_and_short_texts_are_not_sent_for_detection(string text)
    {
        var detected = await Analyzer().DetectLanguageAsync(text, CancellationToken.None);

        Assert.False(detected.IsEnglish(0.5));
        Assert.Empty(_stub.Requests);
    }

    public static TheoryData<string> Failures() =>
    [
        "401 with an error body", "403 without a body", "429 rate limited", "500", "503 with HTML", "slow", "not JSON",
        "JSON of another shape", "results without the document", "a document error", "entities that fit nowhere",
    ];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Any_failure_falls_back_to_the_local_result_and_logs_a_warning_without_the_text(string failure)
    {
        _stub.Pii["Person"] = Name;
        _stub.Override = Fail(failure);
        var analyzer = Analyzer(timeout: failure == "slow" ? TimeSpan.FromMilliseconds(500) : null);
        const string english = "I need to register my baby's birth, my name is Mary Jones";

        var redacted = await analyzer.RedactAsync(Question, "vi", CancellationToken.None);
        var detected = await analyzer.DetectLanguageAsync(english, CancellationToken.None);

        Assert.Equal(Redactor.Redact(Question), redacted);
        Assert.Equal(LanguageHeuristic.Detect(english), detected);
        Assert.NotEmpty(_stub.Requests);
        Assert.NotEmpty(_logs.Warnings);
        foreach (var secret in new[] { Name, "con mèo", "Mary Jones", "baby", AzureLanguageStub.Key })
        {
            Assert.DoesNotContain(secret, _logs.All);
        }
    }

    [Fact]
    public async Task A_429_pauses_calls_for_its_retry_after_then_they_resume()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));
        _stub.Override = (_, http) =>
        {
            http.Response.Headers.RetryAfter = "30";
            return Task.FromResult(AzureLanguageStub.Error(429, "429", "Rate limit is exceeded. Try again in 30 seconds."));
        };
        var analyzer = Analyzer(time);

        await analyzer.RedactAsync(Question, "vi", CancellationToken.None);
        await analyzer.RedactAsync(Question, "vi", CancellationToken.None);
        Assert.Single(_stub.Requests);

        time.Advance(TimeSpan.FromSeconds(31));
        _stub.Override = null;
        _stub.Pii["Person"] = Name;
        var redacted = await analyzer.RedactAsync(Question, "vi", CancellationToken.None);

        Assert.Equal(2, _stub.Requests.Count);
        Assert.Contains("[TÊN]", redacted);
    }

    private static Func<StubRequest, HttpContext, Task<IResult>> Fail(string failure) => failure switch
    {
        "401 with an error body" => (_, _) => Task.FromResult(AzureLanguageStub.Error(401, "401", "Access denied due to invalid subscription key or wrong API endpoint.")),
        "403 without a body" => (_, _) => Task.FromResult(Results.StatusCode(403)),
        "429 rate limited" => (_, _) => Task.FromResult(AzureLanguageStub.Error(429, "429", "Rate limit is exceeded. Try again in 1 seconds.")),
        "500" => (request, _) => Task.FromResult(AzureLanguageStub.Error(500, "InternalServerError", $"Internal error while processing \"{request.Text}\"")),
        "503 with HTML" => (_, _) => Task.FromResult(Results.Content("<html><body>Service Unavailable</body></html>", "text/html", statusCode: 503)),
        "slow" => async (_, http) =>
        {
            // Answers only when the client has given up (the analyser's timeout), never within it.
            try
            {
                await Task.Delay(Timeout.Infinite, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
            return Results.Ok();
        },
        "not JSON" => (_, _) => Task.FromResult(Results.Content("{\"kind\": \"PiiEntityRecognitionResults\", \"results\": {", "application/json")),
        "JSON of another shape" => (_, _) => Task.FromResult(Results.Content("{\"results\": [1, 2, 3]}", "application/json")),
        "results without the document" => (request, _) => Task.FromResult(Results.Json(new JsonObject
        {
            ["kind"] = request.Kind + "Results",
            ["results"] = new JsonObject { ["documents"] = new JsonArray(), ["errors"] = new JsonArray(), ["modelVersion"] = "2024-04-15" },
        })),
        "a document error" => (request, _) => Task.FromResult(Results.Json(new JsonObject
        {
            ["kind"] = request.Kind + "Results",
            ["results"] = new JsonObject
            {
                ["documents"] = new JsonArray(),
                ["errors"] = new JsonArray(new JsonObject
                {
                    ["id"] = "1",
                    ["error"] = new JsonObject
                    {
                        ["code"] = "InvalidArgument",
                        ["message"] = $"Invalid Language Code for \"{request.Text}\".",
                        ["innererror"] = new JsonObject { ["code"] = "UnsupportedLanguageCode", ["message"] = "Invalid language code. Supported languages: en" },
                    },
                }),
                ["modelVersion"] = "2024-04-15",
            },
        })),
        "entities that fit nowhere" => (request, _) => Task.FromResult(Results.Json(AzureLanguageStub.Documents(request.Kind + "Results", "2024-04-15", new JsonObject
        {
            ["id"] = "1",
            ["redactedText"] = "***",
            ["entities"] = new JsonArray(new JsonObject { ["text"] = "Someone Else", ["category"] = "Person", ["offset"] = 5000, ["length"] = 12 }),
            ["detectedLanguage"] = new JsonObject { ["iso6391Name"] = "en", ["confidenceScore"] = 7.5 },
            ["warnings"] = new JsonArray(),
        }))),
        _ => throw new ArgumentOutOfRangeException(nameof(failure)),
    };
}
