using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Localization;

namespace GuidanceBot.Web.Localization;

/// <summary>
/// The language of the pages people read (dashboard, chat page): Vietnamese unless a staff member chose English with the
/// dashboard's switch (cookie <see cref="Cookie"/>) or the address asks for it (<c>?lang=en</c>). It sets the request's UI
/// culture, which <c>IStringLocalizer</c> reads; number and date formats stay as the process has them.
/// </summary>
public static class PageLanguage
{
    public const string Cookie = "gb.lang";

    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>"en" or "vi" for the request being handled.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "vi";

    public static IServiceCollection AddPageLanguage(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            // Formats stay the process's own: pages format numbers and dates explicitly, and Core compares text as before.
            o.DefaultRequestCulture = new RequestCulture(CultureInfo.CurrentCulture, Vietnamese);
            o.SupportedCultures = [CultureInfo.CurrentCulture];
            o.SupportedUICultures = [Vietnamese, English];
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CustomRequestCultureProvider(context => Task.FromResult(
                    context.Request.Cookies[Cookie] is { } language && language is "en" or "vi" ? new ProviderCultureResult(language) : null)),
            ];
        });
        return services;
    }

    /// <summary>
    /// Every text of <typeparamref name="T"/> in both languages ("vi", "en"), by the text's name in camelCase: for a page
    /// whose script switches language without a reload. Read once; resources do not change while the host runs.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> BothLanguages<T>(IStringLocalizer<T> localizer) =>
        TextsOf<T>.Both ??= Read(localizer);

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Read(IStringLocalizer localizer)
    {
        var texts = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in new[] { Vietnamese, English })
            {
                CultureInfo.CurrentUICulture = culture;
                texts[culture.Name] = localizer.GetAllStrings(includeParentCultures: true)
                    .ToDictionary(t => JsonNamingPolicy.CamelCase.ConvertName(t.Name), t => t.Value, StringComparer.Ordinal);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
        return texts;
    }

    private static class TextsOf<T>
    {
        public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Both;
    }
}
