using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Language;

/// <summary>
/// Azure AI Language behind <see cref="ITextAnalyzer"/>, reached through its REST API where an operator configured an
/// endpoint and a key. Every failure (timeout, 4xx/5xx, 429, a body it cannot read) gives the local answer and a
/// warning that carries no citizen text; a turn never fails because of the service.
/// </summary>
/// <remarks>
/// The synchronous operation, "Text Analysis Runtime - Analyze Text": <c>POST {endpoint}/language/:analyze-text?api-version=…</c>
/// with the key in <c>Ocp-Apim-Subscription-Key</c> (Microsoft Learn REST reference, rest/api/language/text-analysis-runtime/analyze-text,
/// and the service's TypeSpec in Azure/azure-rest-api-specs, specification/cognitiveservices/data-plane/LanguageAnalyzeText:
/// main.tsp lists the GA versions 2022-05-01, 2023-04-01, 2024-11-01 and 2025-11-01; models/language.detection.tsp and
/// models/pii.entity.recognition.tsp give the bodies used here, which are the same in those versions). The default
/// <see cref="AzureLanguageOptions.ApiVersion"/> is 2024-11-01, the GA version the Learn reference documents;
/// operators can set a later GA version.
/// Redaction never does less than the local <see cref="Redactor"/>: the service only ever sees the locally redacted
/// text (so ID and phone numbers found here do not leave the server), and what it finds is redacted on top.
/// </remarks>
public sealed class AzureTextAnalyzer(IHttpClientFactory http, IOptions<AzureLanguageOptions> options, TimeProvider time, ILogger<AzureTextAnalyzer> logger) : ITextAnalyzer
{
    public const string HttpClientName = "azure-language";

    /// <summary>Replaces an address found by the service.</summary>
    public const string Address = "[ĐỊA CHỈ]";

    /// <summary>Replaces any other personal data the service finds (account numbers, dates, organisations, …).</summary>
    public const string OtherPersonalData = "[THÔNG TIN CÁ NHÂN]";

    // The service's limit for one document of a synchronous request.
    private const int MaxDocumentLength = 5120;
    private static readonly TimeSpan DefaultBackOff = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromMinutes(1);

    private readonly AzureLanguageOptions _options = options.Value;
    private long _pausedUntilTicks;

    public async Task<DetectedLanguage> DetectLanguageAsync(string text, CancellationToken cancellationToken)
    {
        var local = LanguageHeuristic.Detect(text);
        // Vietnamese by its own signs is answered here: it is never switched, and its text need not leave the server.
        if (local.Language == "vi" || !LanguageHeuristic.HasEnoughWords(text) || text.Length > MaxDocumentLength)
        {
            return local;
        }
        var body = new JsonObject
        {
            ["kind"] = "LanguageDetection",
            ["parameters"] = new JsonObject { ["modelVersion"] = "latest", ["loggingOptOut"] = true },
            ["analysisInput"] = new JsonObject
            {
                ["documents"] = new JsonArray(new JsonObject { ["id"] = "1", ["text"] = text, ["countryHint"] = "VN" }),
            },
        };
        var document = await AnalyzeAsync("LanguageDetection", body, cancellationToken);
        if (document is null)
        {
            return local;
        }
        var detected = document["detectedLanguage"];
        var code = StringOf(detected?["iso6391Name"]);
        var score = NumberOf(detected?["confidenceScore"]);
        if (code is null || score is not (>= 0 and <= 1))
        {
            logger.LogWarning("Azure AI Language {Task} answered without a detected language; using the local analyser", "LanguageDetection");
            return local;
        }
        // "(Unknown)" with score 0 is how the service says it cannot tell.
        return code.Length == 2 && code.All(char.IsAsciiLetter)
            ? new DetectedLanguage(code.ToLowerInvariant(), score.Value)
            : DetectedLanguage.Unknown;
    }

    public async Task<string> RedactAsync(string text, string language, CancellationToken cancellationToken)
    {
        var local = Redactor.Redact(text);
        if (string.IsNullOrWhiteSpace(local) || local.Length > MaxDocumentLength)
        {
            return local;
        }
        var body = new JsonObject
        {
            ["kind"] = "PiiEntityRecognition",
            ["parameters"] = new JsonObject
            {
                ["modelVersion"] = "latest",
                ["loggingOptOut"] = true,
                // Offsets in UTF-16 code units are string indices in .NET.
                ["stringIndexType"] = "Utf16CodeUnit",
            },
            ["analysisInput"] = new JsonObject
            {
                ["documents"] = new JsonArray(new JsonObject { ["id"] = "1", ["language"] = language == "en" ? "en" : "vi", ["text"] = local }),
            },
        };
        var document = await AnalyzeAsync("PiiEntityRecognition", body, cancellationToken);
        if (document is null)
        {
            return local;
        }
        var redacted = ApplyEntities(local, document);
        if (redacted is null)
        {
            logger.LogWarning("Azure AI Language {Task} answered entities that do not fit the text; using the local analyser", "PiiEntityRecognition");
            return local;
        }
        return redacted;
    }

    /// <summary>Posts one task for one document; its result, or null (logged, without the text) when anything went wrong.</summary>
    private async Task<JsonNode?> AnalyzeAsync(string task, JsonObject body, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow().UtcTicks < Volatile.Read(ref _pausedUntilTicks))
        {
            logger.LogDebug("Azure AI Language {Task} skipped: the service asked to wait", task);
            return null;
        }
        var url = $"{_options.Endpoint.TrimEnd('/')}/language/:analyze-text?api-version={Uri.EscapeDataString(_options.ApiVersion)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Ocp-Apim-Subscription-Key", _options.Key);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var content = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    PauseFor(response.Headers.RetryAfter);
                }
                logger.LogWarning("Azure AI Language {Task} answered {Status} ({ErrorCode}); using the local analyser",
                    task, (int)response.StatusCode, ErrorCode(content));
                return null;
            }
            var results = JsonNode.Parse(content)?["results"];
            if (results?["errors"] is JsonArray { Count: > 0 } errors)
            {
                logger.LogWarning("Azure AI Language {Task} could not analyse the text ({ErrorCode}); using the local analyser",
                    task, Sanitize(StringOf(errors[0]?["error"]?["code"])));
                return null;
            }
            if (results?["documents"] is JsonArray documents && documents.FirstOrDefault(d => StringOf(d?["id"]) == "1") is { } document)
            {
                return document;
            }
            logger.LogWarning("Azure AI Language {Task} answered without the document; using the local analyser", task);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Azure AI Language {Task} did not answer within {Timeout}; using the local analyser", task, _options.Timeout);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("Azure AI Language {Task} could not be reached ({Error}); using the local analyser", task, e.HttpRequestError);
        }
        catch (JsonException)
        {
            logger.LogWarning("Azure AI Language {Task} answered something that is not JSON; using the local analyser", task);
        }
        catch (InvalidOperationException)
        {
            // A JSON value of an unexpected kind (e.g. "results" as an array) read through JsonNode's indexers.
            logger.LogWarning("Azure AI Language {Task} answered JSON of an unexpected shape; using the local analyser", task);
        }
        return null;
    }

    /// <summary>
    /// The text with every span the service found replaced by a placeholder, or null when the answer does not fit the
    /// text. Spans come from the entities' offsets (checked against their text) and from the asterisks of redactedText.
    /// </summary>
    private static string? ApplyEntities(string text, JsonNode document)
    {
        if (document["entities"] is not JsonArray entities)
        {
            return null;
        }
        var placeholders = new string?[text.Length];
        foreach (var entity in entities)
        {
            var placeholder = PlaceholderFor(StringOf(entity?["category"]));
            var spans = Spans(text, NumberOf(entity?["offset"]), NumberOf(entity?["length"]), StringOf(entity?["text"]));
            if (spans is null)
            {
                return null;
            }
            foreach (var (start, length) in spans)
            {
                for (var i = start; i < start + length; i++)
                {
                    placeholders[i] ??= placeholder;
                }
            }
        }
        // The service masks each character of what it found with '*': a second, offset-free account of the same spans.
        if (StringOf(document["redactedText"]) is { } masked && masked.Length == text.Length)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (masked[i] == '*' && text[i] != '*')
                {
                    placeholders[i] ??= OtherPersonalData;
                }
            }
        }

        var output = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            if (placeholders[i] is { } placeholder)
            {
                output.Append(placeholder);
                while (i < text.Length && placeholders[i] is not null)
                {
                    i++;
                }
            }
            else
            {
                output.Append(text[i]);
                i++;
            }
        }
        return output.ToString();
    }

    /// <summary>Where an entity is: at its offset when its text is there, else wherever its text occurs; null when nowhere.</summary>
    private static List<(int Start, int Length)>? Spans(string text, double? offset, double? length, string? entityText)
    {
        if (offset is { } o && length is { } l && o == Math.Floor(o) && l == Math.Floor(l) && o >= 0 && l > 0 && o + l <= text.Length
            && (entityText is null || text.AsSpan((int)o, (int)l).SequenceEqual(entityText)))
        {
            return [((int)o, (int)l)];
        }
        if (string.IsNullOrEmpty(entityText))
        {
            return null;
        }
        var spans = new List<(int, int)>();
        for (var at = text.IndexOf(entityText, StringComparison.Ordinal); at >= 0; at = text.IndexOf(entityText, at + entityText.Length, StringComparison.Ordinal))
        {
            spans.Add((at, entityText.Length));
        }
        return spans.Count > 0 ? spans : null;
    }

    private static string PlaceholderFor(string? category) => category switch
    {
        "Person" => Redactor.Name,
        "PhoneNumber" => Redactor.Phone,
        "Email" => Redactor.Email,
        "Address" => Address,
        not null when category.Contains("Passport", StringComparison.Ordinal) || category.Contains("Identi", StringComparison.Ordinal)
            || category.Contains("NationalId", StringComparison.Ordinal) => Redactor.IdNumber,
        _ => OtherPersonalData,
    };

    private void PauseFor(System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter)
    {
        var now = time.GetUtcNow();
        var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - now : DefaultBackOff);
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxBackOff ? MaxBackOff : wait;
        Volatile.Write(ref _pausedUntilTicks, (now + wait).UtcTicks);
    }

    /// <summary>The code of an error body <c>{"error":{"code","message"}}</c>; never its message, which may quote input.</summary>
    private static string ErrorCode(string content)
    {
        try
        {
            return Sanitize(StringOf(JsonNode.Parse(content)?["error"]?["code"]));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return "no error code";
        }
    }

    private static string Sanitize(string? code) =>
        code is { Length: > 0 and <= 64 } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') ? code : "no error code";

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    private static double? NumberOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var d) ? d : null;
}
