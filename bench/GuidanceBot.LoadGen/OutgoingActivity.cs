namespace GuidanceBot.LoadGen;

/// <summary>An activity the generator posts to the Bot Connector endpoint (Bot Framework schema, camelCase).</summary>
public sealed record OutgoingActivity(
    string Type,
    string Id,
    DateTime Timestamp,
    string ChannelId,
    string ServiceUrl,
    ChannelAccount From,
    ChannelAccount Recipient,
    ConversationAccount Conversation,
    string Locale,
    string? Text,
    IReadOnlyList<ChannelAccount>? MembersAdded,
    string DeliveryMode);

/// <summary>A user or bot on the channel.</summary>
public sealed record ChannelAccount(string Id);

/// <summary>The conversation an activity belongs to.</summary>
public sealed record ConversationAccount(string Id);
