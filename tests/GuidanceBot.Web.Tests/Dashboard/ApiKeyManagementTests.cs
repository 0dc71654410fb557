using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GuidanceBot.Staff;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests.Dashboard;

/// <summary>
/// API keys made and revoked on the accounts page, through the real host: a new key opens <c>/api/analytics/*</c> at once,
/// a revoked one is refused at the next request (on every instance), viewers cannot touch them, and the file never holds a key.
/// </summary>
public sealed partial class ApiKeyManagementTests : IAsyncLifetime
{
    private const string AdminPassword = "admin-password-1";
    private const string ViewerPassword = "viewer-password-1";
    private readonly TestHost _host = new() { Time = new FixedTime(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero)) };

    public async Task InitializeAsync()
    {
        _host.Settings["GuidanceBot:Analytics:ApiKeys:0"] = "configured-key-1";
        var accounts = _host.Services.GetRequiredService<StaffAccounts>();
        await accounts.AddOrResetAsync("lan.admin", StaffRoles.Admin, AdminPassword, CancellationToken.None);
        await accounts.AddOrResetAsync("minh.viewer", StaffRoles.Viewer, ViewerPassword, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static async Task<HttpStatusCode> FlowsWithAsync(TestHost host, string key)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/analytics/flows");
        request.Headers.Authorization = new("Bearer", key);
        return (await client.SendAsync(request)).StatusCode;
    }

    private async Task<StaffSession> AdminAsync()
    {
        var session = new StaffSession(_host);
        await session.SignInAsync("lan.admin", AdminPassword);
        return session;
    }

    /// <summary>Makes a key on the accounts page and follows the redirect, as a browser does; the key as the page shows it.</summary>
    private static async Task<string> CreateKeyAsync(StaffSession admin, string name)
    {
        var response = await admin.PostAsync("/dashboard/accounts/api-keys/create", await admin.TokenFromAsync("/dashboard/accounts"), ("name", name));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/accounts", response.Headers.Location!.OriginalString);
        var html = await (await admin.Client.GetAsync("/dashboard/accounts")).Content.ReadAsStringAsync();
        return ShownKey().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No new key on the page");
    }

    private static async Task<long> IdOfAsync(TestHost host, string name) =>
        (await host.Services.GetRequiredService<ApiKeys>().ListAsync(CancellationToken.None)).Single(k => k.Name == name).Id;

    [Fact]
    public async Task A_key_made_on_the_accounts_page_opens_the_analytics_api_and_once_revoked_gets_401()
    {
        using var admin = await AdminAsync();
        var key = await CreateKeyAsync(admin, "Báo cáo tháng");
        Assert.Matches("^gb_[A-Za-z0-9_-]{43}$", key);

        Assert.Equal(HttpStatusCode.OK, await FlowsWithAsync(_host, key));

        // Shown once: the page afterwards (a reload) lists the key by its prefix only, and made no second key.
        var page = await (await admin.Client.GetAsync("/dashboard/accounts")).Content.ReadAsStringAsync();
        Assert.Single(await _host.Services.GetRequiredService<ApiKeys>().ListAsync(CancellationToken.None));
        Assert.DoesNotContain(key, page);
        Assert.Contains(key[..ApiKeys.PrefixLength] + "…", page);
        Assert.Contains("Báo cáo tháng", page);
        Assert.DoesNotContain("id=\"new-api-key\"", page);

        var revoke = await admin.PostAsync("/dashboard/accounts/api-keys/revoke", await admin.TokenFromAsync("/dashboard/accounts"),
            ("id", (await IdOfAsync(_host, "Báo cáo tháng")).ToString()));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Contains("Đã thu hồi", await revoke.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, await FlowsWithAsync(_host, key));
        Assert.Equal(HttpStatusCode.OK, await FlowsWithAsync(_host, "configured-key-1"));
    }

    [Fact]
    public async Task A_key_revoked_on_one_instance_is_refused_by_another_on_the_same_file()
    {
        await using var second = new TestHost(_host.SqlitePath);
        using var admin = await AdminAsync();
        var key = await CreateKeyAsync(admin, "shared tool");
        Assert.Equal(HttpStatusCode.OK, await FlowsWithAsync(second, key));

        await admin.PostAsync("/dashboard/accounts/api-keys/revoke", await admin.TokenFromAsync("/dashboard/accounts"),
            ("id", (await IdOfAsync(_host, "shared tool")).ToString()));

        Assert.Equal(HttpStatusCode.Unauthorized, await FlowsWithAsync(second, key));
    }

    [Fact]
    public async Task The_new_key_is_shown_only_to_the_browser_that_made_it()
    {
        using var admin = await AdminAsync();
        var response = await admin.PostAsync("/dashboard/accounts/api-keys/create", await admin.TokenFromAsync("/dashboard/accounts"), ("name", "tool"));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gb.newkey="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/dashboard/accounts", cookie, StringComparison.OrdinalIgnoreCase);

        using var otherAdmin = await AdminAsync();
        Assert.DoesNotContain("id=\"new-api-key\"", await (await otherAdmin.Client.GetAsync("/dashboard/accounts")).Content.ReadAsStringAsync());
        var key = ShownKey().Match(await (await admin.Client.GetAsync("/dashboard/accounts")).Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.StartsWith("gb_", key);
        Assert.DoesNotContain(key, cookie); // sealed with the host's data protection keys
        Assert.DoesNotContain("id=\"new-api-key\"", await (await admin.Client.GetAsync("/dashboard/accounts")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_viewer_can_neither_see_nor_make_nor_revoke_keys()
    {
        var made = await _host.Services.GetRequiredService<ApiKeys>().CreateAsync("existing", "lan.admin", CancellationToken.None);
        using var viewer = new StaffSession(_host);
        await viewer.SignInAsync("minh.viewer", ViewerPassword);
        var token = await viewer.TokenFromAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Client.GetAsync("/dashboard/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/dashboard/accounts/api-keys/create", token, ("name", "mine"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/dashboard/accounts/api-keys/revoke", token, ("id", made.Key.Id.ToString()))).StatusCode);

        var keys = await _host.Services.GetRequiredService<ApiKeys>().ListAsync(CancellationToken.None);
        Assert.Equal(["existing"], keys.Select(k => k.Name));
        Assert.False(keys[0].Revoked);
        Assert.Equal(HttpStatusCode.OK, await FlowsWithAsync(_host, made.Secret));
    }

    [Fact]
    public async Task A_signed_out_post_is_sent_to_sign_in_and_makes_nothing()
    {
        using var anonymous = new StaffSession(_host);
        var response = await anonymous.PostAsync("/dashboard/accounts/api-keys/create", await anonymous.TokenFromAsync("/dashboard/sign-in"), ("name", "mine"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/dashboard/sign-in", response.Headers.Location!.PathAndQuery);
        Assert.Empty(await _host.Services.GetRequiredService<ApiKeys>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Making_or_revoking_a_key_needs_the_antiforgery_token()
    {
        var made = await _host.Services.GetRequiredService<ApiKeys>().CreateAsync("existing", "lan.admin", CancellationToken.None);
        using var admin = await AdminAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/dashboard/accounts/api-keys/create", null, ("name", "forged"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/dashboard/accounts/api-keys/revoke", "forged", ("id", made.Key.Id.ToString()))).StatusCode);

        Assert.Equal(["existing"], (await _host.Services.GetRequiredService<ApiKeys>().ListAsync(CancellationToken.None)).Select(k => k.Name));
        Assert.Equal(HttpStatusCode.OK, await FlowsWithAsync(_host, made.Secret));
    }

    [Fact]
    public async Task A_key_needs_a_name_and_an_unknown_key_cannot_be_revoked()
    {
        using var admin = await AdminAsync();
        var blank = await admin.PostAsync("/dashboard/accounts/api-keys/create", await admin.TokenFromAsync("/dashboard/accounts"), ("name", "   "));
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("Hãy đặt tên cho key", await blank.Content.ReadAsStringAsync());

        var unknown = await admin.PostAsync("/dashboard/accounts/api-keys/revoke", await admin.TokenFromAsync("/dashboard/accounts"), ("id", "999"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Empty(await _host.Services.GetRequiredService<ApiKeys>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_list_shows_who_made_each_key_when_it_was_last_used_and_the_revoked_ones()
    {
        using var admin = await AdminAsync();
        var used = await CreateKeyAsync(admin, "dùng rồi");
        await CreateKeyAsync(admin, "thu hồi");
        await FlowsWithAsync(_host, used);
        await admin.PostAsync("/dashboard/accounts/api-keys/revoke", await admin.TokenFromAsync("/dashboard/accounts"), ("id", (await IdOfAsync(_host, "thu hồi")).ToString()));

        var page = await (await admin.Client.GetAsync("/dashboard/accounts")).Content.ReadAsStringAsync();
        var table = page[page.IndexOf("<table id=\"api-keys\"", StringComparison.Ordinal)..];
        Assert.Contains("20/11/2026 09:00", table); // made and last used at 02:00 UTC, shown in Vietnam time
        Assert.Contains("lan.admin", table);
        Assert.Contains("Đã thu hồi 20/11/2026 09:00 (lan.admin)", table);
        Assert.Equal(1, Regex.Count(table, "api-keys/revoke"));
    }

    [Fact]
    public async Task The_database_holds_a_hash_of_the_key_never_the_key()
    {
        using var admin = await AdminAsync();
        var key = await CreateKeyAsync(admin, "tool");
        await FlowsWithAsync(_host, key);

        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={_host.SqlitePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM api_keys";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var secretPart = key[ApiKeys.PrefixLength..];
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
            var text = value switch { string s => s, byte[] b => Encoding.UTF8.GetString(b) + Convert.ToBase64String(b), _ => "" };
            Assert.DoesNotContain(secretPart, text);
        }
        Assert.Equal(32, ((byte[])reader["key_hash"]).Length);
        Assert.Equal(key[..ApiKeys.PrefixLength], reader["prefix"]);
        Assert.False(await reader.ReadAsync());
    }

    [GeneratedRegex("id=\"new-api-key\" readonly value=\"([^\"]+)\"")]
    private static partial Regex ShownKey();
}
