using System.Globalization;
using System.Security.Cryptography;
using GuidanceBot.Staff;
using GuidanceBot.Web.Dashboard.Pages;
using Microsoft.AspNetCore.DataProtection;

namespace GuidanceBot.Web.Dashboard;

/// <summary>
/// Making and revoking API keys from <c>/dashboard/accounts</c> (admins only). A new key is shown once, on the page the
/// browser is sent to right after, and never again.
/// </summary>
public static class ApiKeyActions
{
    // Making a key answers with a redirect, so reloading the page cannot post the form again and make a second key. The new
    // key rides to that one page in a short-lived, encrypted, HttpOnly cookie that the page drops as it shows the key.
    private const string NewKeyCookie = "gb.newkey";
    private const string CookiePath = "/dashboard/accounts";
    private static readonly TimeSpan ShowWithin = TimeSpan.FromMinutes(5);

    public static async Task<IResult> CreateAsync(HttpContext http, StaffAccounts accounts, ApiKeys keys, IStringLocalizer<DashboardText> text, ILogger<ApiKeys> log,
        CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var name = form["name"].ToString().Trim();
        if (ApiKeys.CheckName(name) is not null)
        {
            return await AccountsPage.WithAsync(http, accounts, keys, null, text["KeyNameNeeded", ApiKeys.MaxNameLength], cancellationToken, StatusCodes.Status400BadRequest);
        }
        var admin = http.User.Identity!.Name!;
        var created = await keys.CreateAsync(name, admin, cancellationToken);
        log.LogInformation("Staff {Admin} created API key {KeyId} ({Prefix}…)", admin, created.Key.Id, created.Key.Prefix);
        http.Response.Cookies.Append(NewKeyCookie, Protector(http).Protect($"{admin}\n{created.Key.Id}\n{created.Secret}", ShowWithin), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = CookiePath,
            MaxAge = ShowWithin,
        });
        return TypedResults.Redirect(CookiePath);
    }

    public static async Task<RazorComponentResult<AccountsPage>> RevokeAsync(HttpContext http, StaffAccounts accounts, ApiKeys keys, IStringLocalizer<DashboardText> text,
        ILogger<ApiKeys> log, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var revoked = long.TryParse(form["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && await keys.RevokeAsync(id, http.User.Identity!.Name!, cancellationToken);
        log.LogInformation("Staff {Admin} revoked API key {KeyId}: {Revoked}", http.User.Identity!.Name, id, revoked);
        return revoked
            ? await AccountsPage.WithAsync(http, accounts, keys, text["KeyRevoked"], null, cancellationToken)
            : await AccountsPage.WithAsync(http, accounts, keys, null, text["NoSuchKey"], cancellationToken, StatusCodes.Status400BadRequest);
    }

    /// <summary>The key made just before, when this browser carries it for the admin signed in; the cookie is dropped either way.</summary>
    public static CreatedApiKey? TakeCreated(HttpContext http, IReadOnlyList<ApiKey> keys)
    {
        if (http.Request.Cookies[NewKeyCookie] is not { } carried)
        {
            return null;
        }
        http.Response.Cookies.Delete(NewKeyCookie, new CookieOptions { Path = CookiePath, Secure = http.Request.IsHttps, HttpOnly = true, SameSite = SameSiteMode.Strict });
        string[] parts;
        try
        {
            parts = Protector(http).Unprotect(carried).Split('\n');
        }
        catch (CryptographicException)
        {
            return null; // expired, or sealed with a key this host does not have
        }
        return parts is [var admin, var idText, var secret]
            && admin == http.User.Identity?.Name
            && keys.FirstOrDefault(k => k.Id.ToString(CultureInfo.InvariantCulture) == idText) is { Revoked: false } key
            ? new CreatedApiKey(key, secret)
            : null;
    }

    private static ITimeLimitedDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector("GuidanceBot.Dashboard.NewApiKey").ToTimeLimitedDataProtector();
}
