using GuidanceBot.Bot;
using GuidanceBot.Content;
using GuidanceBot.Language;
using GuidanceBot.Places;

namespace GuidanceBot.Tests.Bot;

/// <summary>The production bot over the real dialogs/ content, for transcript tests.</summary>
public static class RealBot
{
    private static readonly Lazy<FlowCatalog> LazyCatalog = new(() =>
    {
        var result = FlowLoader.LoadDirectory(GuidanceBotServices.FindDialogsDirectory(AppContext.BaseDirectory));
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return result.Catalog!;
    });

    // Trained once for the real content: the registered recogniser, as production uses it.
    private static readonly Lazy<IIntentRecognizer> LazyIntents = new(() => IntentRecognizers.Train(IntentRecognizers.Default, LazyCatalog.Value));

    // The real place file of the default province, as production loads it.
    private static readonly Lazy<PlaceDirectory> LazyPlaces = new(() =>
        PlaceLoader.LoadProvince(GuidanceBotServices.FindDialogsDirectory(AppContext.BaseDirectory), null));

    public static FlowCatalog Catalog => LazyCatalog.Value;

    public static PlaceDirectory Places => LazyPlaces.Value;

    public static IIntentRecognizer Intents => LazyIntents.Value;

    /// <summary>The bot with the default (local) text analyser unless a test passes another.</summary>
    public static DialogBot Create(BotOptions? options = null, FlowCatalog? catalog = null, ITextAnalyzer? analyzer = null, IIntentRecognizer? intents = null)
    {
        var content = catalog ?? Catalog;
        intents ??= catalog is null ? Intents : IntentRecognizers.Train(IntentRecognizers.Default, content);
        return new DialogBot(new RootDialog(() => content, intents, options ?? new BotOptions(), analyzer ?? LocalTextAnalyzer.Instance, Places));
    }
}
