using GuidanceBot.Content;
using GuidanceBot.Texts;

namespace GuidanceBot.Bot;

/// <summary>The fixed buttons of flow steps and of the questions a run asks.</summary>
internal static class FlowLabels
{
    public static readonly LocalizedText Continue = BotTexts.Pair("Continue");
    public static readonly LocalizedText Done = BotTexts.Pair("Done");
    public static readonly LocalizedText Stuck = BotTexts.Pair("ImStuck");
    public static readonly LocalizedText Worked = BotTexts.Pair("Worked");
    public static readonly LocalizedText StillStuck = BotTexts.Pair("StillStuck");
    public static readonly LocalizedText Yes = BotTexts.Pair("Yes");
    public static readonly LocalizedText No = BotTexts.Pair("No");
    public static readonly LocalizedText Helpful = BotTexts.Pair("YesHelpful");
    public static readonly LocalizedText NotHelpful = BotTexts.Pair("NotReally");
    public static readonly LocalizedText RemindMe = BotTexts.Pair("RemindMeLater");
    public static readonly LocalizedText NoReminder = BotTexts.Pair("NoReminder");
}
