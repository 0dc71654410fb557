namespace GuidanceBot.Analytics;

/// <summary>The kinds of analytics events, as stored. Renaming one breaks every report: add, never rename.</summary>
public static class EventKinds
{
    public const string ConversationStarted = "conversation-started";
    public const string DialogStarted = "dialog-started";
    public const string DialogEnded = "dialog-ended";
    public const string FlowStarted = "flow-started";
    public const string StepEntered = "step-entered";
    public const string StepAnswered = "step-answered";
    public const string PromptRetried = "prompt-retried";
    public const string FlowCompleted = "flow-completed";
    public const string FlowCancelled = "flow-cancelled";
    public const string FlowReplaced = "flow-replaced";
    public const string FlowAbandoned = "flow-abandoned";
    public const string FlowResumed = "flow-resumed";
    public const string HandedOff = "handed-off";
    public const string NotUnderstood = "not-understood";
    public const string LinkClicked = "link-clicked";
    public const string HelpfulAnswered = "helpful-answered";

    /// <summary>The citizen answered "Nhắc tôi tiếp tục sau?" (property <c>remind</c>: yes / no).</summary>
    public const string ReminderAnswered = "reminder-answered";

    /// <summary>A run the citizen asked to be reminded of was abandoned, and the reminder was queued for the channel.</summary>
    public const string ReminderSent = "reminder-sent";

    /// <summary>A reminder that was due but could not be sent (property <c>reason</c>, e.g. outside-service-window).</summary>
    public const string ReminderSkipped = "reminder-skipped";

    /// <summary>The citizen came back through the reminder's resume button.</summary>
    public const string ReminderResumed = "reminder-resumed";

    /// <summary>A conversational act (property <c>act</c>: greeting, thanks, …), with the flow and step when one was running.</summary>
    public const string Act = "act";

    /// <summary>A question about a procedure's facts (property <c>question</c>: fee, time, …; <c>answered</c>: yes / no), at the step it was asked.</summary>
    public const string QuestionAsked = "question-asked";

    /// <summary>A question the bot does not guide (property <c>topic</c>, the out-of-scope topic id; <c>text</c>, redacted).</summary>
    public const string OutOfScope = "out-of-scope";

    /// <summary>"Có phải bạn muốn …?" for a medium match (property <c>offered</c>: the flows offered; <c>text</c>, redacted).</summary>
    public const string ConfirmAsked = "confirm-asked";

    /// <summary>The answer to "Có phải bạn muốn …?" (property <c>chosen</c>: a flow id, or none).</summary>
    public const string ConfirmAnswered = "confirm-answered";

    /// <summary>
    /// The citizen named the commune they live in (property <c>commune</c>: the unit id, never their text); recorded on each
    /// open run, or outside runs. A run started once the commune is known carries <c>commune</c> on its flow-started event.
    /// </summary>
    public const string CommuneKnown = "commune-known";
}
