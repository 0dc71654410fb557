using GuidanceBot.Bot;
using GuidanceBot.Content;
using GuidanceBot.Language;

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

    public static FlowCatalog Catalog => LazyCatalog.Value;

    public static DialogBot Create(BotOptions? options = null, FlowCatalog? catalog = null)
    {
        var content = catalog ?? Catalog;
        return new DialogBot(new RootDialog(() => content, new OverlapIntentRecognizer(() => content), options ?? new BotOptions()));
    }
}
