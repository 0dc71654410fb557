namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>
/// Settings under <c>GuidanceBot:Zalo:Reminders</c>: the opt-in reminder to finish an abandoned flow. Off unless enabled;
/// when on, flows ask "Nhắc tôi tiếp tục sau?" after their first document checklist.
/// </summary>
public sealed class ZaloReminderOptions
{
    public bool Enabled { get; set; }

    /// <summary>
    /// How long after the citizen's last message the reminder goes, if the run is still open and the abandonment sweep
    /// has recorded it abandoned. Must be shorter than the customer-service window, or it could never be sent.
    /// </summary>
    public TimeSpan After { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the reminder worker looks for reminders that are due.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);
}
