namespace GuidanceBot.Web.WebChat;

/// <summary>
/// The chat page's fixed texts, read through <c>IStringLocalizer&lt;ChatPageText&gt;</c>: ChatPageText.resx in Vietnamese
/// (the default) and ChatPageText.en.resx in English. The page carries both, so its language switch needs no reload.
/// </summary>
public sealed class ChatPageText;
