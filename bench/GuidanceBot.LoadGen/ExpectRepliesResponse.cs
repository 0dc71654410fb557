using System.Text.Json;

namespace GuidanceBot.LoadGen;

/// <summary>
/// The body of a 200 answer to an <c>expectReplies</c> turn. Only what the script reads is bound;
/// the rest of each activity is skipped by the deserializer.
/// </summary>
public sealed record ExpectRepliesResponse(IReadOnlyList<ReplyActivity>? Activities);

/// <summary>One activity the bot sent back.</summary>
public sealed record ReplyActivity(string? Type, SuggestedActions? SuggestedActions);

/// <summary>The buttons offered under a reply.</summary>
public sealed record SuggestedActions(IReadOnlyList<CardAction>? Actions);

/// <summary>One button; <c>value</c> is usually a string for <c>imBack</c> but the schema allows any JSON.</summary>
public sealed record CardAction(string? Type, string? Title, JsonElement? Value);
