using GuidanceBot.Web.Localization;

namespace GuidanceBot.Web.Html;

/// <summary>What the pages people read (chat page, dashboard, printable report) need: server-rendered Razor components, texts in the request's language.</summary>
public static class ServerPages
{
    public static IServiceCollection AddServerPages(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddPageLanguage();
        // Pages keep Vietnamese letters readable in their source; the framework still encodes <, >, &, quotes.
        services.AddWebEncoders(o => o.TextEncoderSettings = new(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }

    /// <summary>Sets each request's UI culture from the page language (before anything renders a page).</summary>
    public static WebApplication UseServerPages(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }
}
