using GuidanceBot.Activities;
using GuidanceBot.Content;
using GuidanceBot.Engine;
using GuidanceBot.Language;
using GuidanceBot.Texts;

namespace GuidanceBot.Bot;

/// <summary>The menu of topics the router shows (at most five buttons, Zalo's limit), and the flows under each.</summary>
public static class TopicMenu
{
    public static IReadOnlyList<(string Id, LocalizedText Title)> Topics { get; } =
    [
        (Content.Topics.Accounts, BotTexts.Pair("VNeIDAccountLogin")),
        (Content.Topics.CivilStatus, BotTexts.Pair("BirthDeathMarriage")),
        (Content.Topics.Residence, BotTexts.Pair("ResidenceRegistration")),
        (Content.Topics.Identity, BotTexts.Pair("IDCardPassportLicenceCriminal")),
        (Content.Topics.JobsInsurance, BotTexts.Pair("VehiclesInsuranceJobs")),
    ];

    public static IEnumerable<CardAction> Buttons(TurnContext turn) => Topics.Select(t => CardAction.ImBack(t.Title.For(turn.Language)));

    /// <summary>The topic whose button title the canonical text is, or null.</summary>
    public static (string Id, LocalizedText Title)? Find(string canonical) =>
        Topics.Cast<(string Id, LocalizedText Title)?>().FirstOrDefault(t => IsTitle(canonical, t!.Value.Title));

    /// <summary>True when the canonical text is the title in either language.</summary>
    public static bool IsTitle(string canonical, LocalizedText title) =>
        canonical.Length > 0 && (canonical == VietnameseText.CanonicalOfContent(title.Vi) || (title.En is { } en && canonical == VietnameseText.CanonicalOfContent(en)));

    /// <summary>"Tài khoản VNeID & đăng nhập; Khai sinh, khai tử, kết hôn; …" for a sentence.</summary>
    public static string List(TurnContext turn) => string.Join("; ", Topics.Select(t => t.Title.For(turn.Language)));
}
