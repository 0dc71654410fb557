namespace GuidanceBot.Bot;

/// <summary>The side questions a flow run asks through a prompt on the dialog stack.</summary>
public enum FlowAsking
{
    /// <summary>"Bạn muốn chuyển sang hướng dẫn …?" after free text that strongly matches another flow.</summary>
    Switch,

    /// <summary>The stuck help of a do step: "Đã làm được" / "Vẫn chưa được".</summary>
    Stuck,

    /// <summary>"Hướng dẫn này có giúp được bạn không?" after a run at the top ended.</summary>
    Helpful,

    /// <summary>"Nhắc tôi tiếp tục sau?" after the first document checklist, where the channel can remind.</summary>
    Reminder,
}
