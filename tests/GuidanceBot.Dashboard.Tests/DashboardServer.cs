using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GuidanceBot.Analytics;
using GuidanceBot.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Dashboard.Tests;

/// <summary>
/// The real web host on Kestrel (127.0.0.1, a free port) with a fresh SQLite file filled by known scripted runs,
/// an admin and a viewer account, and an analytics API key to check the pages' numbers against.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    public const string ApiKey = "dashboard-test-key-1";
    public const string AdminName = "lan.admin";
    public const string AdminPassword = "admin-password-1";
    public const string ViewerName = "minh.viewer";
    public const string ViewerPassword = "viewer-password-1";

    /// <summary>09:00 in Vietnam on Friday 20 November 2026; every scripted run starts that day.</summary>
    public static readonly DateOnly Day = new(2026, 11, 20);

    private readonly TestHost _host = new() { Time = new FixedTime(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero)) };

    public FixedTime Clock => _host.Time!;

    public string SqlitePath => _host.SqlitePath;

    public string Url => _host.Url;

    public IServiceProvider Services => _host.Services;

    public async Task StartAsync()
    {
        _host.Settings["GuidanceBot:Analytics:ApiKeys:0"] = ApiKey;
        // Small enough for the few scripted runs to show two communes and hide the others.
        _host.Settings["GuidanceBot:Analytics:MinRunsPerCommune"] = "2";
        _host.StartKestrel();
        var accounts = Services.GetRequiredService<StaffAccounts>();
        await accounts.AddOrResetAsync(AdminName, StaffRoles.Admin, AdminPassword, CancellationToken.None);
        await accounts.AddOrResetAsync(ViewerName, StaffRoles.Viewer, ViewerPassword, CancellationToken.None);
        await SeedAsync();
    }

    /// <summary>
    /// Ten conversations: 3 completed, 2 cancelled and 2 abandoned runs of vneid-muc-2, 1 hand-off in khai-sinh,
    /// 2 texts the bot did not understand; on the web, Zalo and the Emulator. By commune: 4 runs in phường Hạc Thành (one
    /// named by its former ward), 2 in xã Thiệu Quang, 2 with none.
    /// </summary>
    private async Task SeedAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(Url) };
        string[] start = ["đăng ký vneid mức 2", "Từ 14 tuổi trở lên"];
        string[] inHacThanh = ["đăng ký vneid mức 2", "tôi ở phường Hạc Thành", "Từ 14 tuổi trở lên"];
        string[] inThieuQuang = ["đăng ký vneid mức 2", "toi o xa thieu quang", "Từ 14 tuổi trở lên"];
        await SayAsync(client, "webchat", "w1", [.. inHacThanh, "Chưa có thẻ gắn chip"]);
        await SayAsync(client, "webchat", "w2", [.. inHacThanh, "Chưa có thẻ gắn chip"]);
        await SayAsync(client, "zalo", "z1", [.. inHacThanh, "Chưa có thẻ gắn chip"]);
        await SayAsync(client, "webchat", "w3", ["đăng ký vneid mức 2", "nhà mình ở phường Điện Biên cũ", "Từ 14 tuổi trở lên", "thoát"]);
        await SayAsync(client, "webchat", "w4", ["đăng ký vneid mức 2", "thoát"]);
        await SayAsync(client, "zalo", "z2", inThieuQuang);
        await SayAsync(client, "zalo", "z3", ["đăng ký vneid mức 2", "tôi ở xã Thiệu Quang"]);
        await SayAsync(client, "emulator", "e1", ["làm giấy khai sinh cho con", "gặp cán bộ"]);
        // A greeting beside three words nobody knows is not understood (beside one or two it is answered as a greeting).
        await SayAsync(client, "webchat", "w5", ["xin chào, abc xyz qwe"]);
        await SayAsync(client, "webchat", "w6", ["xin chào, abc xyz qwe"]);
        Clock.Advance(TimeSpan.FromHours(2));
        await Services.GetRequiredService<AbandonmentSweeper>().SweepAsync(CancellationToken.None);
    }

    private static async Task SayAsync(HttpClient client, string channel, string conversation, IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            var activity = new JsonObject
            {
                ["type"] = "message",
                ["channelId"] = channel,
                ["from"] = new JsonObject { ["id"] = "citizen" },
                ["recipient"] = new JsonObject { ["id"] = "bot" },
                ["conversation"] = new JsonObject { ["id"] = conversation },
                ["locale"] = "vi-VN",
                ["text"] = text,
                ["deliveryMode"] = "expectReplies",
            };
            (await client.PostAsJsonAsync("/api/messages", activity)).EnsureSuccessStatusCode();
        }
    }

    /// <summary>GET an analytics API address with the key; the JSON answer.</summary>
    public async Task<JsonNode> ApiAsync(string pathAndQuery)
    {
        using var client = new HttpClient { BaseAddress = new Uri(Url) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", ApiKey);
        return JsonNode.Parse(await client.GetStringAsync(pathAndQuery))!;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
