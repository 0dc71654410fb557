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
}
