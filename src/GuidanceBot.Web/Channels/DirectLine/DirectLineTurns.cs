using GuidanceBot.Activities;
using GuidanceBot.Engine;
using GuidanceBot.Language;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>
/// Runs Direct Line activities through the turn engine: the user's activity is echoed into the transcript first (Web
/// Chat waits for that echo; personal data in its text redacted, since the transcript is stored), the bot shows typing on this instance's open streams while a turn runs longer than a
/// moment, then the replies are appended in order.
/// </summary>
public sealed class DirectLineTurns(TurnEngine engine, DirectLineConversations conversations, DirectLineStreams streams, TimeProvider time,
    IOptions<DirectLineOptions> options, ILogger<DirectLineTurns> logger)
{
    public const string ChannelId = "directline";
    public const string BotId = "guidancebot";
    public const string BotName = "GuidanceBot";

    /// <summary>Tells the bot the user joined, so it greets first, in the locale the page asked for. Never shown to the client.</summary>
    public async Task StartAsync(string conversationId, string userId, string? locale, string publicBase, CancellationToken cancellationToken)
    {
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            ChannelId = ChannelId,
            Timestamp = time.GetUtcNow(),
            Conversation = new ConversationAccount { Id = conversationId },
            From = new ChannelAccount { Id = userId, Role = "user" },
            Recipient = Bot(),
            MembersAdded = [Bot(), new ChannelAccount { Id = userId }],
            Locale = locale,
        };
        await RunAsync(conversationId, userId, update, publicBase, cancellationToken);
    }

    /// <summary>
    /// Echoes the user's activity with its server id, then runs the turn and appends the replies; returns the id, or null
    /// (nothing stored, no turn) when the activity is larger than <see cref="DirectLineOptions.MaxActivityBytes"/>.
    /// </summary>
    public async Task<string?> PostAsync(string conversationId, Activity activity, string publicBase, CancellationToken cancellationToken)
    {
        activity.Id = null;
        activity.ChannelId = ChannelId;
        activity.Timestamp = time.GetUtcNow();
        activity.ServiceUrl = null;
        activity.Conversation = new ConversationAccount { Id = conversationId };
        activity.Recipient = Bot();
        // The transcript is stored, so it keeps the citizen's words with ID numbers, phone numbers and names replaced (as
        // analytics does); the turn itself gets them as typed. Web Chat shows the stored echo in place of what was typed.
        var typed = activity.Text;
        // A message longer than the bot reads is kept only as far as it reads (the bot answers that it is too long).
        activity.Text = typed is null ? null : Redactor.Redact(MessageLimits.Cut(typed, MessageLimits.MaxCharacters));
        var echo = conversations.Prepare(activity);
        activity.Text = typed;
        if (!echo.Fits)
        {
            return null;
        }
        await conversations.AppendAsync(conversationId, activity.From?.Id, [echo], cancellationToken);
        await RunAsync(conversationId, activity.From?.Id, activity, publicBase, cancellationToken);
        return activity.Id!;
    }

    private async Task RunAsync(string conversationId, string? userId, Activity activity, string publicBase, CancellationToken cancellationToken)
    {
        using var turnDone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = ShowTypingAsync(conversationId, turnDone.Token);
        try
        {
            var replies = await engine.ProcessAsync(activity, cancellationToken);
            var sent = new List<StoredActivity>(replies.Count);
            foreach (var reply in replies)
            {
                reply.ChannelId = ChannelId;
                reply.From = Bot();
                reply.ServiceUrl = null;
                // The bot writes plain text with line breaks; Web Chat would otherwise read it as markdown and join the lines.
                reply.TextFormat ??= "plain";
                AbsoluteLinks(reply, publicBase);
                if (conversations.Prepare(reply) is { Fits: true } stored)
                {
                    sent.Add(stored);
                }
                else
                {
                    // Content is ours and far smaller; a reply this large is a content bug, not something to store.
                    logger.LogError("A Direct Line reply was larger than GuidanceBot:DirectLine:MaxActivityBytes ({Max}) and was not sent", options.Value.MaxActivityBytes);
                }
            }
            await turnDone.CancelAsync();
            await typing;
            await conversations.AppendAsync(conversationId, userId, sent, cancellationToken);
        }
        finally
        {
            await turnDone.CancelAsync();
            await typing;
        }
    }

    /// <summary>Typing only after the turn has run for <see cref="DirectLineOptions.TypingAfter"/>, then every 3 s (A6001) until it ends.</summary>
    private async Task ShowTypingAsync(string conversationId, CancellationToken turnDone)
    {
        try
        {
            var wait = options.Value.TypingAfter;
            while (true)
            {
                await Task.Delay(wait, time, turnDone);
                streams.Typing(conversationId, new Activity
                {
                    Type = ActivityTypes.Typing,
                    Id = $"{conversationId}|typing|{Guid.NewGuid():N}",
                    ChannelId = ChannelId,
                    Timestamp = time.GetUtcNow(),
                    Conversation = new ConversationAccount { Id = conversationId },
                    From = Bot(),
                });
                wait = TimeSpan.FromSeconds(3);
            }
        }
        catch (OperationCanceledException)
        {
            // The turn ended: no more typing.
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not send typing");
        }
    }

    /// <summary>Web Chat opens only absolute http(s) URLs: a relative link (the tracked redirect /go/…) gets the host the client reached.</summary>
    private static void AbsoluteLinks(Activity reply, string publicBase)
    {
        foreach (var action in reply.SuggestedActions?.Actions ?? [])
        {
            if (action.Type == CardActionTypes.OpenUrl && action.Value is { } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
            {
                action.Value = publicBase + url;
            }
        }
    }

    private static ChannelAccount Bot() => new() { Id = BotId, Name = BotName, Role = "bot" };
}
