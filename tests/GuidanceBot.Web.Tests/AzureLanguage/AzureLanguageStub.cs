using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GuidanceBot.Tests.AzureLanguage;

/// <summary>
/// Azure AI Language's synchronous <c>POST /language/:analyze-text</c> on Kestrel at 127.0.0.1, answering in the
/// documented shapes: <c>LanguageDetectionResults</c> (<c>detectedLanguage.iso6391Name/confidenceScore</c>),
/// <c>PiiEntityRecognitionResults</c> (<c>entities[].text/category/offset/length/confidenceScore</c> in UTF-16 code units,
/// <c>redactedText</c> masked with '*'), <c>results.errors[]</c>, and <c>{"error":{"code","message"}}</c> for HTTP errors.
/// </summary>
public sealed class AzureLanguageStub : IAsyncDisposable
{
    public const string Key = "stub-key-0123456789abcdef";

    private LoopbackServer? _server;

    private AzureLanguageStub()
    {
    }

    public string Endpoint => _server!.Url;

    /// <summary>Every request the stub received, in order.</summary>
    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    /// <summary>Personal data the "service" recognises, by category ("Person", "Address", …).</summary>
    public Dictionary<string, string> Pii { get; } = new(StringComparer.Ordinal);

    /// <summary>What language detection answers.</summary>
    public (string Iso, double Score) Language { get; set; } = ("en", 1.0);

    /// <summary>When set, answers instead of the documented success (errors, slow or malformed answers).</summary>
    public Func<StubRequest, HttpContext, Task<IResult>>? Override { get; set; }

    public static async Task<AzureLanguageStub> StartAsync()
    {
        var stub = new AzureLanguageStub();
        stub._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/language/{**rest}", (Delegate)stub.AnalyzeAsync);
        });
        return stub;
    }

    private async Task<IResult> AnalyzeAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
        var request = new StubRequest(http.Request.Path.Value ?? "", http.Request.QueryString.Value ?? "",
            http.Request.Headers["Ocp-Apim-Subscription-Key"].ToString(), http.Request.ContentType ?? "", body);
        Requests.Enqueue(request);
        if (Override is { } answer)
        {
            return await answer(request, http);
        }
        if (request.Path != "/language/:analyze-text")
        {
            return Error(404, "404", "Resource not found");
        }
        if (request.Key != Key)
        {
            return Error(401, "401", "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.");
        }
        return (string?)body["kind"] switch
        {
            "LanguageDetection" => Results.Json(Documents("LanguageDetectionResults", "2023-12-01", new JsonObject
            {
                ["id"] = "1",
                ["detectedLanguage"] = new JsonObject
                {
                    ["name"] = Language.Iso == "en" ? "English" : Language.Iso,
                    ["iso6391Name"] = Language.Iso,
                    ["confidenceScore"] = Language.Score,
                    ["scriptName"] = "Latin",
                    ["scriptIso15924Code"] = "Latn",
                },
                ["warnings"] = new JsonArray(),
            })),
            "PiiEntityRecognition" => Results.Json(Documents("PiiEntityRecognitionResults", "2024-04-15", PiiDocument(request.Text))),
            _ => Error(400, "InvalidRequest", "Invalid Request."),
        };
    }

    /// <summary>Entities at UTF-16 offsets (string indices) and the text masked with '*', as the service answers.</summary>
    private JsonObject PiiDocument(string text)
    {
        var entities = new JsonArray();
        var masked = new StringBuilder(text);
        foreach (var (category, value) in Pii.Select(p => (p.Key, p.Value)))
        {
            for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            {
                entities.Add(new JsonObject
                {
                    ["text"] = value,
                    ["category"] = category,
                    ["offset"] = at,
                    ["length"] = value.Length,
                    ["confidenceScore"] = 0.9,
                });
                for (var i = at; i < at + value.Length; i++)
                {
                    masked[i] = '*';
                }
            }
        }
        return new JsonObject { ["id"] = "1", ["redactedText"] = masked.ToString(), ["entities"] = entities, ["warnings"] = new JsonArray() };
    }

    public static JsonObject Documents(string kind, string modelVersion, JsonObject document) => new()
    {
        ["kind"] = kind,
        ["results"] = new JsonObject
        {
            ["documents"] = new JsonArray(document),
            ["errors"] = new JsonArray(),
            ["modelVersion"] = modelVersion,
        },
    };

    public static IResult Error(int status, string code, string message) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, statusCode: status);

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>One request as the stub received it.</summary>
public sealed record StubRequest(string Path, string Query, string Key, string ContentType, JsonObject Body)
{
    public string Kind => (string?)Body["kind"] ?? "";

    public JsonObject Document => Body["analysisInput"]!["documents"]![0]!.AsObject();

    public string Text => (string?)Body["analysisInput"]?["documents"]?[0]?["text"] ?? "";
}
