using System.Net;
using GuidanceBot.Staff;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests.Dashboard;

/// <summary>Staff accounts through the real host: sign-in, lock-out, roles, CSRF, sign-out, security headers, the analytics API by cookie.</summary>
public sealed class DashboardAuthTests : IAsyncLifetime
{
    private const string AdminPassword = "admin-password-1";
    private const string ViewerPassword = "viewer-password-1";
    private readonly TestHost _host = new() { Time = new FixedTime(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero)) };

    public async Task InitializeAsync()
    {
        _host.Settings["GuidanceBot:Analytics:ApiKeys:0"] = "tool-key-1";
        var accounts = _host.Services.GetRequiredService<StaffAccounts>();
        await accounts.AddOrResetAsync("lan.admin", StaffRoles.Admin, AdminPassword, CancellationToken.None);
        await accounts.AddOrResetAsync("minh.viewer", StaffRoles.Viewer, ViewerPassword, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/funnel?flow=khai-sinh")]
    [InlineData("/dashboard/not-understood")]
    [InlineData("/dashboard/report")]
    [InlineData("/dashboard/report.csv")]
    [InlineData("/dashboard/accounts")]
    public async Task A_signed_out_visit_is_sent_to_sign_in(string page)
    {
        using var session = new StaffSession(_host);
        var response = await session.Client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/dashboard/sign-in?returnUrl=", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_analytics_api_answers_a_key_or_a_staff_session_and_nothing_else()
    {
        using var anonymous = new StaffSession(_host);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Client.GetAsync("/api/analytics/flows")).StatusCode);

        var withKey = new HttpRequestMessage(HttpMethod.Get, "/api/analytics/flows");
        withKey.Headers.Authorization = new("Bearer", "tool-key-1");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Client.SendAsync(withKey)).StatusCode);

        using var staff = new StaffSession(_host);
        await staff.SignInAsync("minh.viewer", ViewerPassword);
        Assert.Equal(HttpStatusCode.OK, (await staff.Client.GetAsync("/api/analytics/flows")).StatusCode);
    }

    [Fact]
    public async Task Staff_sign_in_opens_every_page_and_sign_out_closes_them()
    {
        using var session = new StaffSession(_host);
        var signIn = await session.SignInAsync("lan.admin", AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/dashboard", signIn.Headers.Location!.OriginalString);

        foreach (var page in new[] { "/dashboard", "/dashboard/funnel?flow=khai-sinh", "/dashboard/not-understood", "/dashboard/report?period=month", "/dashboard/accounts" })
        {
            var response = await session.Client.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {response.StatusCode}");
            Assert.Contains("lan.admin", await response.Content.ReadAsStringAsync());
        }

        var signOut = await session.PostAsync("/dashboard/sign-out", await session.TokenFromAsync("/dashboard"));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_or_unknown_name_gets_the_same_answer()
    {
        using var session = new StaffSession(_host);
        var wrong = await session.SignInAsync("lan.admin", "not-the-password");
        var unknown = await session.SignInAsync("nobody.here", "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_until_the_lock_out_ends()
    {
        using var session = new StaffSession(_host);
        for (var i = 1; i < StaffAccounts.MaxFailedSignIns; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await session.SignInAsync("minh.viewer", $"wrong-{i}")).StatusCode);
        }
        Assert.Equal((HttpStatusCode)423, (await session.SignInAsync("minh.viewer", "wrong-5")).StatusCode);

        var right = await session.SignInAsync("minh.viewer", ViewerPassword);
        Assert.Equal((HttpStatusCode)423, right.StatusCode);
        Assert.Contains("tạm khoá", await right.Content.ReadAsStringAsync());

        _host.Time!.Advance(StaffAccounts.LockOutFor + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync("minh.viewer", ViewerPassword)).StatusCode);
    }

    [Fact]
    public async Task A_success_resets_the_count_of_failures()
    {
        using var session = new StaffSession(_host);
        for (var i = 1; i < StaffAccounts.MaxFailedSignIns; i++)
        {
            await session.SignInAsync("minh.viewer", $"wrong-{i}");
        }
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync("minh.viewer", ViewerPassword)).StatusCode);

        using var other = new StaffSession(_host);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.SignInAsync("minh.viewer", "wrong-again")).StatusCode);
    }

    [Fact]
    public async Task Form_posts_without_a_valid_antiforgery_token_are_refused()
    {
        using var session = new StaffSession(_host);
        Assert.Equal(HttpStatusCode.BadRequest, (await session.PostAsync("/dashboard/sign-in", null, ("name", "lan.admin"), ("password", AdminPassword))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await session.PostAsync("/dashboard/sign-in", "forged", ("name", "lan.admin"), ("password", AdminPassword))).StatusCode);

        // A token taken from another browser's page does not match this browser's cookie.
        using var attacker = new StaffSession(_host);
        var foreignToken = await attacker.TokenFromAsync("/dashboard/sign-in");
        await session.SignInAsync("lan.admin", AdminPassword);
        var add = await session.PostAsync("/dashboard/accounts/add", foreignToken, ("name", "mallory"), ("role", "admin"), ("password", "mallory-password"));
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        Assert.DoesNotContain(await _host.Services.GetRequiredService<StaffAccounts>().ListAsync(CancellationToken.None), a => a.Name == "mallory");

        Assert.Equal(HttpStatusCode.BadRequest, (await session.PostAsync("/dashboard/sign-out", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task A_viewer_cannot_reach_account_management()
    {
        using var session = new StaffSession(_host);
        await session.SignInAsync("minh.viewer", ViewerPassword);

        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync("/dashboard/accounts")).StatusCode);
        var token = await session.TokenFromAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Forbidden, (await session.PostAsync("/dashboard/accounts/add", token, ("name", "eve"), ("role", "admin"), ("password", "eve-password-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.PostAsync("/dashboard/accounts/remove", token, ("name", "lan.admin"))).StatusCode);
        Assert.DoesNotContain("/dashboard/accounts", await (await session.Client.GetAsync("/dashboard")).Content.ReadAsStringAsync());
        Assert.Equal(2, (await _host.Services.GetRequiredService<StaffAccounts>().ListAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task An_admin_adds_and_removes_accounts_and_a_removed_account_loses_its_session()
    {
        using var admin = new StaffSession(_host);
        await admin.SignInAsync("lan.admin", AdminPassword);
        var add = await admin.PostAsync("/dashboard/accounts/add", await admin.TokenFromAsync("/dashboard/accounts"),
            ("name", "hoa.tran"), ("role", "viewer"), ("password", "hoa-password-1"));
        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        Assert.Contains("hoa.tran", await add.Content.ReadAsStringAsync());

        using var hoa = new StaffSession(_host);
        Assert.Equal(HttpStatusCode.Redirect, (await hoa.SignInAsync("hoa.tran", "hoa-password-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hoa.Client.GetAsync("/dashboard")).StatusCode);

        var remove = await admin.PostAsync("/dashboard/accounts/remove", await admin.TokenFromAsync("/dashboard/accounts"), ("name", "hoa.tran"));
        Assert.Equal(HttpStatusCode.OK, remove.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await hoa.Client.GetAsync("/dashboard")).StatusCode);

        var short_ = await admin.PostAsync("/dashboard/accounts/add", await admin.TokenFromAsync("/dashboard/accounts"), ("name", "x.y"), ("role", "viewer"), ("password", "short"));
        Assert.Equal(HttpStatusCode.BadRequest, short_.StatusCode);
    }

    [Theory]
    [InlineData("/dashboard/sign-in", false)]
    [InlineData("/dashboard", false)]
    [InlineData("/dashboard/dashboard.css", false)]
    [InlineData("/lib/chart.js/chart.umd.min.js", false)]
    [InlineData("/dashboard", true)]
    [InlineData("/dashboard/funnel?flow=khai-sinh", true)]
    [InlineData("/dashboard/accounts", true)]
    public async Task Every_dashboard_response_carries_the_security_headers(string page, bool signedIn)
    {
        using var session = new StaffSession(_host);
        if (signedIn)
        {
            await session.SignInAsync("minh.viewer", ViewerPassword);
        }
        var response = await session.Client.GetAsync(page);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        if (page.EndsWith(".js") || page.EndsWith(".css"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
            Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Session_cookie_is_http_only_and_same_site_strict()
    {
        using var session = new StaffSession(_host);
        var response = await session.SignInAsync("minh.viewer", ViewerPassword);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gb.staff="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://evil.example/dashboard", "/dashboard")]
    [InlineData("//evil.example", "/dashboard")]
    [InlineData("/dashboard//evil.example", "/dashboard")]
    [InlineData("/\\evil.example", "/dashboard")]
    [InlineData("/dashboard/funnel?flow=khai-sinh", "/dashboard/funnel?flow=khai-sinh")]
    public void Return_addresses_stay_inside_the_dashboard(string url, string expected) =>
        Assert.Equal(expected, GuidanceBot.Web.Dashboard.DashboardEndpoints.LocalDashboardUrl(url));

    [Fact]
    public async Task Only_a_salted_hash_of_the_password_is_stored()
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={_host.SqlitePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT password_hash FROM staff_accounts ORDER BY name";
        var hashes = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) hashes.Add(reader.GetString(0));
        }
        Assert.Equal(2, hashes.Count);
        Assert.All(hashes, h => Assert.DoesNotContain("password", h));
        Assert.All(hashes, h => Assert.Equal(0x01, Convert.FromBase64String(h)[0])); // Identity V3 format: PBKDF2 with salt
    }
}
