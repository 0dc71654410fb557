using System.Text.Json;
using GuidanceBot.Activities;
using GuidanceBot.Analytics;
using GuidanceBot.Content;
using GuidanceBot.Dialogs;
using GuidanceBot.Engine;
using GuidanceBot.Texts;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.Bot;

/// <summary>
/// Opt-in reminders to finish an abandoned flow. A channel that can message a citizen first says so on the activities
/// it brings in (<see cref="IsOffered"/>); a run then asks "Nhắc tôi tiếp tục sau?" once (see <c>FlowDialog</c>) and
/// keeps the answer in <see cref="FlowRun.Reminder"/> — no personal data. The reply that says yes carries
/// <see cref="IsRequested"/>, so the channel can plan a check. When the run has been recorded abandoned and idle long
/// enough, <see cref="RemindAsync"/> composes the one reminder: the resume offer, whose "Tiếp tục" resumes the run at its
/// step. Marking the run and recording the event go together under the state's ETag, so racing callers remind once.
/// </summary>
public sealed class ResumeReminders(IConversationStore store, Func<FlowCatalog> catalog, TimeProvider time, ILogger<ResumeReminders> logger)
{
    /// <summary>How soon to look again at a run idle long enough that the abandonment sweep has not reached yet.</summary>
    public static readonly TimeSpan SweepRecheck = TimeSpan.FromMinutes(1);

    private const int MaxAttempts = 5;

    /// <summary>What a channel does with a reminder it planned.</summary>
    public enum Verdict
    {
        /// <summary>Deliver <see cref="Decision.Reminder"/>.</summary>
        Send,
        /// <summary>Not due yet: look again at <see cref="Decision.NotBefore"/>.</summary>
        Wait,
        /// <summary>Never send it; <see cref="Decision.Reason"/> says why.</summary>
        Drop,
    }

    public sealed record Decision(Verdict Verdict, Activity? Reminder = null, DateTimeOffset? NotBefore = null, string? Reason = null);

    /// <summary>Channel data a channel puts on incoming activities when it can send this conversation a reminder.</summary>
    public static JsonElement OfferedChannelData { get; } = JsonDocument.Parse("""{"reminders":true}""").RootElement.Clone();

    private static readonly JsonElement RequestedChannelData = JsonDocument.Parse("""{"reminder":"requested"}""").RootElement.Clone();

    public static bool IsOffered(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("reminders", out var offered) && offered.ValueKind == JsonValueKind.True;

    /// <summary>Marks the reply that confirms the citizen's yes.</summary>
    public static void MarkRequested(Activity reply) => reply.ChannelData = RequestedChannelData;

    /// <summary>True for a reply after which the channel should plan a reminder.</summary>
    public static bool IsRequested(Activity reply) =>
        reply.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("reminder", out var value)
        && value.ValueKind == JsonValueKind.String && value.GetString() == "requested";

    /// <summary>The citizen resumed through a reminder: record it once per reminded run.</summary>
    public static void RecordResumed(TurnContext turn, IEnumerable<DialogInstance> stack)
    {
        foreach (var (_, run) in FlowRun.Open(stack, i => FlowRun.In(turn, i)).Where(r => r.Run.Reminder == ReminderStatus.Sent))
        {
            run.Reminder = ReminderStatus.Resumed;
            turn.Record(EventKinds.ReminderResumed, run.Flow, run.Step, runId: run.Run, contentVersion: run.Version);
        }
    }

    /// <summary>
    /// Decides about the reminder of a conversation whose citizen said yes: send it when a run that asked is still open,
    /// recorded abandoned, and idle for <paramref name="after"/>; the run is marked and reminder-sent recorded first.
    /// </summary>
    /// <param name="cannotSend">Why the channel could not deliver it now (e.g. outside-service-window): then the reminder is
    /// dropped and reminder-skipped recorded with that reason.</param>
    public async Task<Decision> RemindAsync(ConversationKey conversation, TimeSpan after, string? cannotSend, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var outcome = await store.UpdateAsync(conversation, MaxAttempts, (state, _) => ValueTask.FromResult(Decide(conversation, state, after, cannotSend, now)),
            logger, cancellationToken);
        if (outcome.Settled)
        {
            return outcome.Result;
        }
        logger.LogWarning("Conversation kept changing while its reminder was decided; it is looked at again later");
        return new Decision(Verdict.Wait, NotBefore: now + SweepRecheck);
    }

    private StateChange<Decision> Decide(ConversationKey conversation, ConversationState? state, TimeSpan after, string? cannotSend, DateTimeOffset now)
    {
        if (state is null)
        {
            return StateChange<Decision>.Keep(new Decision(Verdict.Drop, Reason: "no-conversation"));
        }
        var open = AbandonmentSweeper.OpenRuns(state.DialogStack).ToList();
        if (open.Any(r => r.Run.Reminder == ReminderStatus.Sent))
        {
            // Recorded before, and the channel lost it before queueing it (a crash): the same reminder, no new event.
            // Any message since would have answered the resume offer and moved the run on from "sent".
            return StateChange<Decision>.Keep(new Decision(Verdict.Send, Compose(conversation, state, open, now)));
        }
        var waiting = open.Where(r => r.Run.Reminder == ReminderStatus.Yes).ToList();
        if (waiting.Count == 0)
        {
            return StateChange<Decision>.Keep(new Decision(Verdict.Drop, Reason: "nothing-to-remind"));
        }
        var dueAt = (state.LastActivityAt ?? now) + after;
        if (dueAt > now)
        {
            return StateChange<Decision>.Keep(new Decision(Verdict.Wait, NotBefore: dueAt));
        }
        if (!waiting.Any(r => r.Run.Abandoned))
        {
            return StateChange<Decision>.Keep(new Decision(Verdict.Wait, NotBefore: now + SweepRecheck));
        }

        var events = new List<AnalyticsEvent>();
        foreach (var (instance, run) in waiting)
        {
            run.Reminder = cannotSend is null ? ReminderStatus.Sent : ReminderStatus.Skipped;
            run.Write(instance);
            events.Add(AbandonmentSweeper.RunEvent(conversation, state, run, cannotSend is null ? EventKinds.ReminderSent : EventKinds.ReminderSkipped, now,
                cannotSend is null ? null : new Dictionary<string, string> { ["reason"] = cannotSend }));
        }
        if (cannotSend is null)
        {
            RootDialog.MarkResumeOffered(state);
        }
        return StateChange<Decision>.Save(state, events, cannotSend is null
            ? new Decision(Verdict.Send, Compose(conversation, state, open, now))
            : new Decision(Verdict.Drop, Reason: cannotSend));
    }

    /// <summary>The resume offer for the innermost open run, introduced as the promised reminder.</summary>
    private Activity Compose(ConversationKey conversation, ConversationState state, List<(DialogInstance Instance, FlowRun Run)> open, DateTimeOffset now)
    {
        var language = state.Language ?? "vi";
        var (offer, buttons) = RootDialog.ResumeOffer(catalog(), open[^1].Run, language);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            Timestamp = now,
            ChannelId = conversation.Channel,
            Conversation = new ConversationAccount { Id = conversation.Id },
            Locale = language == "en" ? "en-US" : "vi-VN",
            Text = BotTexts.Get(language, "ReminderAsAsked") + offer,
            SuggestedActions = new SuggestedActions { Actions = [.. buttons] },
            InputHint = "expectingInput",
        };
    }
}
