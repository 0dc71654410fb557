using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GuidanceBot.Web.Channels.Zalo;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests.Zalo;

/// <summary>The real web host with Zalo configured against a <see cref="FakeZalo"/>, and signed webhook posts.</summary>
public sealed class ZaloTestHost : IAsyncDisposable
{
    public const string OaSecretKey = "oa-secret-key-abc";
    public const string OaId = "579745863508352884";

    /// <param name="postgres">A PostgreSQL connection string: the host runs on that database instead of a SQLite file.</param>
    public ZaloTestHost(FakeZalo fake, FixedTime time, string? sqlitePath = null, Action<Dictionary<string, string>>? settings = null, string? postgres = null)
    {
        Time = time;
        Host = postgres is null ? new TestHost(sqlitePath) : TestHost.OnPostgres(postgres);
        Host.Time = time;
        Host.Settings["GuidanceBot:Zalo:AppId"] = FakeZalo.AppId;
        Host.Settings["GuidanceBot:Zalo:OaSecretKey"] = OaSecretKey;
        Host.Settings["GuidanceBot:Zalo:AppSecret"] = FakeZalo.AppSecret;
        Host.Settings["GuidanceBot:Zalo:OaId"] = OaId;
        Host.Settings["GuidanceBot:Zalo:OpenApiBaseUrl"] = fake.BaseUrl;
        Host.Settings["GuidanceBot:Zalo:OAuthBaseUrl"] = fake.BaseUrl;
        Host.Settings["GuidanceBot:Zalo:PollInterval"] = "00:00:00.050";
        Host.Settings["GuidanceBot:Zalo:RequestTimeout"] = "00:00:01";
        Host.Settings["Logging:LogLevel:Default"] = "Warning";
        settings?.Invoke(Host.Settings);
        Client = Host.CreateClient();
    }

    public TestHost Host { get; }
    public HttpClient Client { get; }
    public FixedTime Time { get; }

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>Stores the token pair an operator would set with <c>guidancebot zalo token set</c>.</summary>
    public Task SeedTokensAsync(string access = "acc-0", string refresh = "ref-0") =>
        Get<ZaloTokens>().StoreInitialAsync(access, refresh, TimeSpan.FromHours(25), CancellationToken.None);

    public static JsonObject TextEvent(string userId, string msgId, string text, DateTimeOffset at) => new()
    {
        ["app_id"] = FakeZalo.AppId,
        ["user_id_by_app"] = "app-scoped-" + userId,
        ["event_name"] = "user_send_text",
        ["sender"] = new JsonObject { ["id"] = userId },
        ["recipient"] = new JsonObject { ["id"] = OaId },
        ["message"] = new JsonObject { ["msg_id"] = msgId, ["text"] = text },
        ["timestamp"] = Ms(at),
    };

    public static JsonObject AttachmentEvent(string eventName, string userId, string msgId, string type, DateTimeOffset at) => new()
    {
        ["app_id"] = FakeZalo.AppId,
        ["event_name"] = eventName,
        ["sender"] = new JsonObject { ["id"] = userId },
        ["recipient"] = new JsonObject { ["id"] = OaId },
        ["message"] = new JsonObject
        {
            ["msg_id"] = msgId,
            ["attachments"] = new JsonArray(new JsonObject { ["type"] = type, ["payload"] = new JsonObject { ["url"] = "https://zalo.example/x" } }),
        },
        ["timestamp"] = Ms(at),
    };

    public static JsonObject FollowEvent(string userId, DateTimeOffset at) => new()
    {
        ["oa_id"] = OaId,
        ["follower"] = new JsonObject { ["id"] = userId },
        ["user_id_by_app"] = "app-scoped-" + userId,
        ["event_name"] = "follow",
        ["source"] = "zalo",
        ["app_id"] = FakeZalo.AppId,
        ["timestamp"] = Ms(at),
    };

    /// <summary>The OA's own message echoed back, or a receipt: the sender is the OA.</summary>
    public static JsonObject OaEvent(string eventName, string userId, string msgId, DateTimeOffset at) => new()
    {
        ["app_id"] = FakeZalo.AppId,
        ["event_name"] = eventName,
        ["sender"] = new JsonObject { ["id"] = OaId },
        ["recipient"] = new JsonObject { ["id"] = userId },
        ["message"] = new JsonObject { ["msg_id"] = msgId, ["text"] = "Xin chào" },
        ["timestamp"] = Ms(at),
    };

    public static string Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Posts an event signed the way Zalo signs it (or with the given signature; null sends none).</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject e, string? signature = "sign")
    {
        using var request = Signed(e, signature);
        return await Client.SendAsync(request);
    }

    /// <summary>A webhook request for the event, signed the way Zalo signs it (or with the given signature; null sends none).</summary>
    public static HttpRequestMessage Signed(JsonObject e, string? signature = "sign") =>
        Signed(Encoding.UTF8.GetBytes(e.ToJsonString()), (string)e["app_id"]!, (string)e["timestamp"]!, signature);

    /// <summary>
    /// A webhook request with this body as bytes (which need not be valid JSON or UTF-8), signed the way Zalo signs it for
    /// this app id and timestamp (or with the given signature; null sends none).
    /// </summary>
    public static HttpRequestMessage Signed(byte[] raw, string appId, string timestamp, string? signature = "sign")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ZaloWebhookEndpoints.Path) { Content = new ByteArrayContent(raw) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature == "sign")
        {
            signature = ZaloSignature.Compute(appId, raw, timestamp, OaSecretKey);
        }
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(ZaloSignature.Header, signature);
        }
        return request;
    }

    /// <summary>Rows of a query on the host's database, as strings.</summary>
    public async Task<List<string?[]>> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Host.SqlitePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }
            rows.Add(row);
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
