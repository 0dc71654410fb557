using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GuidanceBot.Tests.Dashboard;

/// <summary>A browser-like client of the dashboard: keeps cookies, does not follow redirects, reads antiforgery tokens from forms.</summary>
public sealed partial class StaffSession(TestHost host) : IDisposable
{
    public HttpClient Client { get; } = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The antiforgery token of the first form on the page.</summary>
    public async Task<string> TokenFromAsync(string page)
    {
        var html = await (await Client.GetAsync(page)).Content.ReadAsStringAsync();
        return Token().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"No form token on {page}");
    }

    public async Task<HttpResponseMessage> PostAsync(string url, string? token, params (string, string)[] fields)
    {
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).ToList();
        if (token is not null) pairs.Add(new("__csrf", token));
        return await Client.PostAsync(url, new FormUrlEncodedContent(pairs));
    }

    public async Task<HttpResponseMessage> SignInAsync(string name, string password) =>
        await PostAsync("/dashboard/sign-in", await TokenFromAsync("/dashboard/sign-in"), ("name", name), ("password", password), ("returnUrl", "/dashboard"));

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
