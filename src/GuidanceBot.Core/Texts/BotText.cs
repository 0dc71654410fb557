namespace GuidanceBot.Texts;

/// <summary>
/// The bot's fixed texts (those not in dialogs/): BotText.resx in Vietnamese, the default, and BotText.en.resx in
/// English, read through <c>IStringLocalizer&lt;BotText&gt;</c> by <see cref="BotTexts"/>.
/// </summary>
public sealed class BotText;
