namespace GuidanceBot.Bot;

/// <summary>What <see cref="CommuneConversation.TryAnswer"/> did with a message.</summary>
public enum CommuneReply
{
    /// <summary>The message is not about where the citizen lives (or is about more): the caller reads it.</summary>
    None,

    /// <summary>It answered; the caller shows the step or the menu again.</summary>
    Answered,

    /// <summary>It asked which of several communes, with buttons: the caller adds nothing, so the buttons stay on screen.</summary>
    Asking,
}
