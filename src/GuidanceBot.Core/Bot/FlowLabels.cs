using GuidanceBot.Content;

namespace GuidanceBot.Bot;

/// <summary>The fixed buttons of flow steps and of the questions a run asks.</summary>
internal static class FlowLabels
{
    public static readonly LocalizedText Continue = new("Tiếp tục", "Continue");
    public static readonly LocalizedText Done = new("Xong", "Done");
    public static readonly LocalizedText Stuck = new("Bị vướng", "I'm stuck");
    public static readonly LocalizedText Worked = new("Đã làm được", "It worked");
    public static readonly LocalizedText StillStuck = new("Vẫn chưa được", "Still stuck");
    public static readonly LocalizedText Yes = new("Có", "Yes");
    public static readonly LocalizedText No = new("Không", "No");
    public static readonly LocalizedText Helpful = new("Có, hữu ích", "Yes, helpful");
    public static readonly LocalizedText NotHelpful = new("Chưa giúp được", "Not really");
    public static readonly LocalizedText RemindMe = new("Nhắc tôi tiếp tục sau", "Remind me later");
    public static readonly LocalizedText NoReminder = new("Không cần nhắc", "No reminder");
}
