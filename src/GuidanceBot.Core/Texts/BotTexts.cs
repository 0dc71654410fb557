using System.Collections.Frozen;
using System.Globalization;
using GuidanceBot.Content;
using GuidanceBot.Language;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Texts;

/// <summary>
/// The bot's fixed texts by key, in Vietnamese and English. They are read once through <c>IStringLocalizer</c> from the
/// resources and kept in frozen tables, so a turn pays a dictionary lookup, not a resource lookup, per text.
/// </summary>
public static class BotTexts
{
    private static readonly FrozenDictionary<string, string> Vietnamese = Load("vi");
    private static readonly FrozenDictionary<string, string> English = Load("en");

    /// <summary>Every key, for tests.</summary>
    public static IEnumerable<string> Keys => Vietnamese.Keys;

    /// <summary>The text in a language ("en" for English, Vietnamese otherwise); throws for an unknown key (a bug, caught by the tests).</summary>
    public static string Get(string language, string key) =>
        (language == "en" ? English : Vietnamese).TryGetValue(key, out var text)
            ? text
            : throw new KeyNotFoundException($"No bot text '{key}' in Texts/BotText.resx.");

    /// <summary>The text with its {0}, {1}… filled in.</summary>
    public static string Get(string language, string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(language, key), args);

    /// <summary>Both languages of a text, for buttons and labels the recognisers match in either language.</summary>
    public static LocalizedText Pair(string key) => new(Get("vi", key), Get("en", key));

    /// <summary>Both languages of a text whose values depend on the language (a flow's title in each), e.g. a question a prompt asks in either.</summary>
    public static LocalizedText Pair(string key, Func<string, object?[]> args) => new(Get("vi", key, args("vi")), Get("en", key, args("en")));

    /// <summary>Why an answer was not accepted, in both languages (the prompt shows the conversation's).</summary>
    public static LocalizedReason Reason(string key, params object?[] args) => new(Get("vi", key, args), Get("en", key, args));

    private static FrozenDictionary<string, string> Load(string language)
    {
        var localizer = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(BotText));
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return localizer.GetAllStrings(includeParentCultures: true).ToFrozenDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
