using GuidanceBot.Activities;

namespace GuidanceBot.Engine;

/// <summary>
/// Which conversation a state belongs to: the channel and the channel's own conversation id. The stores keep it as they
/// see fit (columns, or one text key); nothing else builds or splits a "channel/id" string.
/// </summary>
public sealed record ConversationKey(string Channel, string Id)
{
    /// <summary>The channel named on events when an activity came without one.</summary>
    public const string UnknownChannel = "unknown";

    /// <summary>The key of the conversation an activity belongs to.</summary>
    public static ConversationKey Of(Activity activity)
    {
        var id = activity.Conversation?.Id;
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("The activity has no conversation.id.", nameof(activity));
        }
        return new ConversationKey(string.IsNullOrEmpty(activity.ChannelId) ? UnknownChannel : activity.ChannelId, id);
    }
}
