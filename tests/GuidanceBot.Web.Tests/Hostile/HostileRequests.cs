using System.Text;
using System.Text.Json.Nodes;

namespace GuidanceBot.Tests.Hostile;

/// <summary>
/// A seeded generator of hostile requests for every public endpoint: broken and oversized JSON and form bodies, text that
/// is not valid Unicode, digit runs that once made redaction cubic, wrong and missing tokens, odd headers, extreme query
/// values. The same seed gives the same requests, so a failure can be replayed.
/// </summary>
public sealed class HostileRequests(int seed, HostileRequests.Targets targets)
{
    /// <summary>What the generator aims at: a Direct Line conversation and its token, an analytics key, a Zalo app's secret.</summary>
    public sealed record Targets(string ConversationId, string Token, string DirectLineSecret, string ApiKey, string ZaloAppId, string ZaloOaSecretKey);

    /// <summary>One generated request and a description to replay it by.</summary>
    public sealed record Case(int Number, string Description, Func<HttpRequestMessage> Build);

    private readonly Random _random = new(seed);

    private static readonly string[] Paths =
    [
        "/", "/healthz", "/webchat/token", "/go/khai-sinh", "/go/%00", "/api/messages", "/api/zalo/webhook",
        "/v3/directline/tokens/generate", "/v3/directline/tokens/refresh", "/v3/directline/conversations",
        "/v3/directline/conversations/{c}", "/v3/directline/conversations/{c}/activities", "/v3/directline/conversations/x%00y/activities",
        "/api/analytics/flows", "/api/analytics/funnel", "/api/analytics/funnel.csv", "/api/analytics/not-understood",
        "/api/analytics/summary", "/api/analytics/report", "/api/analytics/report.csv", "/api/analytics/report.html",
        "/dashboard", "/dashboard/sign-in", "/dashboard/sign-out", "/dashboard/language", "/dashboard/funnel", "/dashboard/report",
        "/dashboard/not-understood.csv", "/dashboard/accounts", "/dashboard/accounts/add", "/dashboard/accounts/api-keys/create",
    ];

    private static readonly string[] Words =
        ["khai sinh", "tạm trú", "cccd", "VNeID", "Nguyễn Văn An", "0912 345 678", "001090012345", "a@b.vn", "xin chào", "hủy", "English", "ok"];

    /// <summary>The next <paramref name="count"/> cases.</summary>
    public IEnumerable<Case> Take(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var path = Pick(Paths).Replace("{c}", _random.Next(4) == 0 ? HostileText(20) : targets.ConversationId, StringComparison.Ordinal);
            var method = _random.Next(5) == 0 ? Pick([HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Options]) : HttpMethod.Post;
            if (path.StartsWith("/api/analytics", StringComparison.Ordinal) || path is "/" or "/healthz" || path.StartsWith("/go/", StringComparison.Ordinal))
            {
                method = HttpMethod.Get;
            }
            var query = _random.Next(3) == 0 ? Query() : "";
            var body = Body(path, out var contentType, out var bodyKind);
            var auth = Authorization(path);
            var extraHeader = _random.Next(6) == 0 ? (Pick(["X-Forwarded-For", "Accept-Language", "Cookie", "X-ZEvent-Signature", "Origin"]), HeaderValue()) : default;
            var description = $"#{i} {method} {path}{query} body={bodyKind} auth={(auth is null ? "none" : auth.Length > 40 ? auth[..40] + "…" : auth)}";
            yield return new Case(i, description, () =>
            {
                var request = new HttpRequestMessage(method, path + query);
                if (method != HttpMethod.Get && body is not null)
                {
                    request.Content = new ByteArrayContent(body);
                    if (contentType is not null)
                    {
                        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                    }
                }
                if (auth is not null)
                {
                    request.Headers.TryAddWithoutValidation(path.StartsWith("/api/zalo", StringComparison.Ordinal) ? "X-ZEvent-Signature" : "Authorization", auth);
                }
                if (extraHeader.Item1 is { } name)
                {
                    request.Headers.TryAddWithoutValidation(name, extraHeader.Item2);
                }
                return request;
            });
        }
    }

    /// <summary>A WebSocket frame a client might send on a Direct Line stream (the server ignores what clients send, but must survive it).</summary>
    public (byte[] Payload, bool Text) Frame() => _random.Next(3) switch
    {
        0 => (Encoding.UTF8.GetBytes(HostileText(_random.Next(1, 2000))), true),
        1 => (RandomBytes(_random.Next(1, 70_000)), false),
        _ => (InvalidUtf8(), true),
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string? Authorization(string path)
    {
        if (path.StartsWith("/api/zalo", StringComparison.Ordinal))
        {
            return _random.Next(3) == 0 ? null : "mac=" + Convert.ToHexStringLower(RandomBytes(32));
        }
        return _random.Next(7) switch
        {
            0 => null,
            1 => "Bearer " + targets.Token,
            2 => "Bearer " + targets.DirectLineSecret,
            3 => "Bearer " + targets.ApiKey,
            4 => "Bearer " + AsciiText(_random.Next(0, 300)),
            5 => "Basic " + Convert.ToBase64String(RandomBytes(24)),
            _ => "Bearer eyJhbGciOiJub25lIn0." + Convert.ToBase64String(RandomBytes(40)) + ".",
        };
    }

    private string Query()
    {
        var names = new[] { "from", "to", "flow", "channel", "version", "language", "watermark", "t", "returnUrl", "period", "at", "locale" };
        var pairs = Enumerable.Range(0, _random.Next(1, 6)).Select(_ => Uri.EscapeDataString(Pick(names)) + "=" + QueryValue());
        return "?" + string.Join('&', pairs);
    }

    private string QueryValue() => _random.Next(8) switch
    {
        0 => "0001-01-01",
        1 => "9999-12-31",
        2 => "%00",
        3 => "-1",
        4 => "99999999999999999999",
        5 => new string('9', _random.Next(1, 3000)),
        6 => "%2F%2Fevil.example",
        _ => Uri.EscapeDataString(HostileText(_random.Next(0, 50))),
    };

    private string HeaderValue() => _random.Next(3) switch
    {
        0 => new string('a', _random.Next(1, 20_000)),
        1 => "1.2.3.4, " + string.Join(", ", Enumerable.Range(0, 50).Select(i => $"10.0.0.{i}")),
        _ => new string(HostileText(30).Where(c => c is >= ' ' and < '\u007f').ToArray()),
    };

    private byte[]? Body(string path, out string? contentType, out string kind)
    {
        contentType = "application/json";
        switch (_random.Next(10))
        {
            case 0:
                kind = "none";
                contentType = null;
                return null;
            case 1:
                kind = "invalid-utf8";
                return InvalidUtf8();
            case 2:
                kind = "form";
                contentType = Pick(["application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=zz", "application/x-www-form-urlencoded; charset=utf-16"]);
                return Encoding.UTF8.GetBytes(Form());
            case 3:
                kind = "deep-json";
                var depth = _random.Next(10, 5000);
                return Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
            case 4:
                kind = "truncated-json";
                var whole = Activity(path).ToJsonString();
                return Encoding.UTF8.GetBytes(whole[.._random.Next(whole.Length)]);
            case 5:
                kind = "escaped-surrogates";
                return Encoding.UTF8.GetBytes(Activity(path).ToJsonString()
                    .Replace("\"text\":\"", "\"text\":\"\\ud800\\uFFFE", StringComparison.Ordinal)
                    .Replace("\"id\":\"", "\"id\":\"\\udc00", StringComparison.Ordinal));
            case 6:
                kind = "wrong-types";
                return Encoding.UTF8.GetBytes(Pick(["""{"type":5,"text":[],"from":"x","conversation":null,"value":{"a":{"b":[1,2,{"c":1e999}]}}}""", "null", "[]", "\"x\"",
                    """{"event_name":{"x":1},"app_id":[],"timestamp":true}""", """{"user":{"id":{"x":1}},"locale":123}"""]));
            case 7:
                kind = "random-bytes";
                contentType = Pick(["application/json", "application/octet-stream", "text/plain", null]);
                return RandomBytes(_random.Next(0, 100_000));
            default:
                kind = "activity";
                return Encoding.UTF8.GetBytes(Activity(path).ToJsonString());
        }
    }

    private JsonObject Activity(string path)
    {
        if (path.StartsWith("/api/zalo", StringComparison.Ordinal))
        {
            return new JsonObject
            {
                ["app_id"] = targets.ZaloAppId,
                ["event_name"] = Pick(["user_send_text", "follow", "user_send_image", "oa_send_text", HostileText(10)]),
                ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["sender"] = new JsonObject { ["id"] = HostileText(12) },
                ["message"] = new JsonObject { ["msg_id"] = HostileText(12), ["text"] = HostileText(_random.Next(0, 3000)) },
            };
        }
        var activity = new JsonObject
        {
            ["type"] = Pick(["message", "message", "event", "typing", "conversationUpdate", HostileText(8)]),
            ["id"] = HostileText(10),
            ["channelId"] = Pick(["test", "directline", "emulator", HostileText(5)]),
            ["from"] = new JsonObject { ["id"] = Pick(["user", HostileText(30)]), ["name"] = HostileText(20) },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = Pick([targets.ConversationId, HostileText(40), "c-fuzz-" + _random.Next(20)]) },
            ["locale"] = Pick(["vi-VN", "en-US", HostileText(6)]),
            ["text"] = HostileText(_random.Next(0, 6000)),
            ["deliveryMode"] = Pick(["expectReplies", "normal", HostileText(4)]),
        };
        if (_random.Next(3) == 0)
        {
            activity["value"] = new JsonObject { [HostileText(5)] = HostileText(50) };
        }
        if (_random.Next(4) == 0)
        {
            activity["serviceUrl"] = Pick(["http://169.254.169.254/", "file:///etc/passwd", "https://example.invalid/", HostileText(30)]);
        }
        if (path.EndsWith("/generate", StringComparison.Ordinal) || path.EndsWith("/conversations", StringComparison.Ordinal))
        {
            activity["user"] = new JsonObject { ["id"] = HostileText(_random.Next(0, 200)) };
        }
        return activity;
    }

    private string Form()
    {
        return _random.Next(5) switch
        {
            0 => "name=a%00b&password=%00&__csrf=%00",
            1 => string.Join('&', Enumerable.Range(0, _random.Next(1000, 3000)).Select(i => $"f{i}=x")),
            2 => "name=" + new string('a', _random.Next(20_000, 300_000)),
            3 => "--zz\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + HostileText(30),
            _ => "name=" + Uri.EscapeDataString(HostileText(40)) + "&password=" + Uri.EscapeDataString(HostileText(20)) + "&returnUrl=" + Uri.EscapeDataString("//evil.example"),
        };
    }

    /// <summary>Text mixing Vietnamese, personal data, digit runs, lone surrogates, noncharacters and control characters.</summary>
    public string HostileText(int length)
    {
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            switch (_random.Next(12))
            {
                case 0: text.Append('\uD800'); break;
                case 1: text.Append('\uDC00'); break;
                case 2: text.Append("\uFFFE\uFFFF\uFDD0"); break;
                case 3: text.Append('\0').Append('\u001B'); break;
                case 4: text.Append(string.Join(' ', Enumerable.Repeat("1", _random.Next(1, 400)))); break;
                case 5: text.Append("😀\u200B\u202E"); break;
                case 6: text.Append('\\').Append('"').Append('<').Append("script>"); break;
                default: text.Append(Pick(Words)).Append(' '); break;
            }
        }
        return text.ToString();
    }

    /// <summary>Printable ASCII with quotes, commas and control-like sequences: what a header can carry.</summary>
    private string AsciiText(int length) =>
        new(Enumerable.Range(0, length).Select(_ => (char)_random.Next(0x20, 0x7F)).ToArray());

    private byte[] InvalidUtf8() => [.. "{\"text\":\""u8.ToArray(), 0xC3, 0x28, 0xED, 0xA0, 0x80, 0xFF, .. "\"}"u8.ToArray()];

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}
