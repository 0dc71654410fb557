namespace GuidanceBot.Bot;

/// <summary>Where a run's opt-in reminder stands, in the order a run goes through it (see <see cref="ResumeReminders"/>).</summary>
public enum ReminderStatus
{
    Asked,
    Yes,
    No,
    Sent,
    Skipped,
    Resumed,
}
