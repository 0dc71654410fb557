using GuidanceBot.Analytics;

namespace GuidanceBot.Tests.Bot;

/// <summary>The coded VNeID readiness guide, which uses every prompt type.</summary>
public class ReadinessCheckTests
{
    private static async Task<Conversation> Started()
    {
        var chat = new Conversation(RealBot.Create(), time: new FixedTime(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero)));
        await chat.Join();
        await chat.Say("Tài khoản VNeID & đăng nhập");
        await chat.Say("Kiểm tra điều kiện đăng ký VNeID");
        return chat;
    }

    [Fact]
    public async Task Walks_date_confirm_id_phone_choice_number_and_text_prompts_to_a_tailored_summary()
    {
        var chat = await Started();
        Assert.Contains("Ngày sinh", chat.LastText);

        await chat.Say("ngày 1 tháng 2 năm 1990");
        Assert.Contains("gắn chip", chat.LastText);
        await chat.Say("dạ có");
        Assert.Contains("12 số", chat.LastText);
        await chat.Say("038090012345");
        Assert.Contains("OTP", chat.LastText);
        await chat.Say("0912 345 678");
        await chat.Say("ko");
        Assert.Equal(["iPhone", "Android", "Không có điện thoại thông minh"], chat.Buttons);
        await chat.Say("iphone");
        await chat.Say("sáu");
        await chat.Say("khai sinh cho con");

        Assert.Contains("Thanh Hóa", chat.LastText);
        Assert.Contains("chưa chính chủ", chat.LastText);
        Assert.Contains("NFC", chat.LastText);
        var completed = Assert.Single(await chat.Events(), e => e.Kind == EventKinds.FlowCompleted);
        Assert.Equal(("vneid-san-sang", "completed"), (completed.FlowId, completed.Property("outcome")));
    }

    [Fact]
    public async Task Under_fourteen_ends_not_eligible()
    {
        var chat = await Started();

        await chat.Say("hôm qua");

        Assert.Contains("chưa đủ 14 tuổi", chat.LastText);
        Assert.Equal("not-eligible", (await chat.Events()).Single(e => e.Kind == EventKinds.FlowCompleted).Property("outcome"));
    }

    [Fact]
    public async Task Three_unusable_answers_end_the_guide_with_a_recorded_reason_and_a_way_to_a_person()
    {
        var chat = await Started();

        await chat.Say("không nhớ");
        await chat.Say("31/02/1990");
        await chat.Say("ngày mai");

        Assert.Contains("gặp cán bộ", chat.LastText);
        var events = await chat.Events();
        Assert.Contains(events, e => e.Kind == EventKinds.DialogEnded && e.Property("reason") == "retry-limit");
        Assert.Equal("retry-limit", events.Single(e => e.Kind == EventKinds.FlowCancelled).Property("reason"));
    }
}
