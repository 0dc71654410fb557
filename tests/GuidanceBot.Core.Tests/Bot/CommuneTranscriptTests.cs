using GuidanceBot.Analytics;
using GuidanceBot.Bot;

namespace GuidanceBot.Tests.Bot;

/// <summary>
/// The citizen's commune in the conversation, as transcripts over the real flows and the real Thanh Hóa place file: said
/// at any point or in answer to the one question, remembered as a unit id only, and answered with that commune's office.
/// </summary>
public class CommuneTranscriptTests
{
    private static async Task<Conversation> InFlow(string flowId)
    {
        var chat = new Conversation(RealBot.Create());
        await chat.Say(RealBot.Catalog.Find(flowId)!.Title.Vi);
        return chat;
    }

    private static async Task<IReadOnlyList<AnalyticsEvent>> CommuneEvents(Conversation chat) =>
        (await chat.Events()).Where(e => e.Kind == EventKinds.CommuneKnown).ToList();

    [Fact]
    public async Task A_where_question_asks_for_the_commune_once_and_a_current_name_gets_its_service_point()
    {
        var chat = await InFlow("khai-sinh");
        var step = chat.LastText;

        await chat.Say("nộp trực tiếp ở đâu");
        Assert.Contains("UBND xã/phường nơi cư trú", chat.LastText);
        Assert.Contains("Bạn ở xã, phường nào?", chat.LastText);

        await chat.Say("phường Hạc Thành");
        Assert.Contains("Nơi tiếp nhận hồ sơ trực tiếp của phường Hạc Thành:", chat.LastText);
        Assert.Contains("Đại lộ Nguyễn Hoàng", chat.LastText);
        Assert.EndsWith(step, chat.LastText);
        var known = Assert.Single(await CommuneEvents(chat));
        Assert.Equal(("phuong-hac-thanh", "khai-sinh"), (known.Property("commune"), known.FlowId));
        Assert.NotNull(known.RunId);

        // Known now: the next "where" question answers with it and does not ask again.
        await chat.Say("nộp ở đâu vậy");
        Assert.Contains("Đại lộ Nguyễn Hoàng", chat.LastText);
        Assert.DoesNotContain("Bạn ở xã, phường nào?", chat.LastText);
    }

    [Fact]
    public async Task An_unaccented_current_name_said_unasked_is_remembered_and_used_by_another_procedure()
    {
        var chat = await InFlow("khai-sinh");

        await chat.Say("toi o xa thieu quang");
        Assert.Contains("xã Thiệu Quang", chat.LastText);
        // No service point is confirmed for it: its name and whom to contact, no invented address.
        Assert.Contains("Bạn liên hệ UBND hoặc Trung tâm phục vụ hành chính công của xã Thiệu Quang", chat.LastText);
        Assert.Contains("chưa có địa chỉ", chat.LastText);

        await chat.Say("thoát");
        await chat.Say(RealBot.Catalog.Find("ket-hon")!.Title.Vi);
        var started = Assert.Single(await chat.Events(), e => e.Kind == EventKinds.FlowStarted && e.FlowId == "ket-hon");
        Assert.Equal("xa-thieu-quang", started.Property("commune"));

        await chat.Say("where do I apply in person?");
        Assert.Contains("xã Thiệu Quang", chat.LastText);
        Assert.DoesNotContain("Bạn ở xã, phường nào?", chat.LastText);
    }

    [Fact]
    public async Task A_former_wards_name_says_which_ward_it_is_now_part_of()
    {
        var chat = await InFlow("ket-hon");

        await chat.Say("nhà mình ở phường Điện Biên cũ");

        Assert.Contains("Phường Điện Biên nay thuộc phường Hạc Thành.", chat.LastText);
        Assert.Contains("Nơi tiếp nhận hồ sơ trực tiếp của phường Hạc Thành:", chat.LastText);
        Assert.Equal("phuong-hac-thanh", Assert.Single(await CommuneEvents(chat)).Property("commune"));
    }

    [Fact]
    public async Task An_ambiguous_name_asks_which_with_buttons_and_the_tap_answers()
    {
        var chat = await InFlow("khai-sinh");
        var step = chat.LastText;

        await chat.Say("toi o dong tien");

        Assert.Contains("nhiều nơi", chat.LastText);
        Assert.Contains("Xã Đồng Tiến", chat.Buttons);
        Assert.Contains("Phường Đông Tiến", chat.Buttons);
        Assert.Empty(await CommuneEvents(chat));

        await chat.Say("Phường Đông Tiến");
        Assert.Contains("phường Đông Tiến", chat.LastText);
        Assert.EndsWith(step, chat.LastText);
        Assert.Equal("phuong-dong-tien", Assert.Single(await CommuneEvents(chat)).Property("commune"));
    }

    [Fact]
    public async Task An_unknown_name_gets_an_honest_answer_and_no_guess()
    {
        var chat = await InFlow("khai-sinh");
        var step = chat.LastText;
        await chat.Say("nộp trực tiếp ở đâu");

        await chat.Say("xã Hoa Mai");

        Assert.Contains("không tìm thấy nơi này trong danh sách xã, phường của tỉnh Thanh Hóa", chat.LastText);
        Assert.Contains("không đoán", chat.LastText);
        Assert.EndsWith(step, chat.LastText);
        Assert.Empty(await CommuneEvents(chat));

        // Asked once: another "where?" gives the procedure's answer without asking again.
        await chat.Say("nộp ở đâu");
        Assert.DoesNotContain("Bạn ở xã, phường nào?", chat.LastText);
    }

    [Fact]
    public async Task An_in_person_ending_asks_for_the_commune_and_the_answer_names_its_office()
    {
        var chat = await InFlow("khai-sinh");

        await chat.Say("Ở nước ngoài");
        Assert.Contains("Bạn ở xã, phường nào?", chat.LastText);

        await chat.Say("phuong ham rong");
        Assert.Contains("phường Hàm Rồng", chat.LastText);
        Assert.Contains("UBND hoặc Trung tâm phục vụ hành chính công", chat.LastText);
        var known = Assert.Single(await CommuneEvents(chat));
        Assert.Equal("phuong-ham-rong", known.Property("commune"));
    }

    [Fact]
    public async Task A_police_procedure_names_the_communes_police_without_an_address()
    {
        var chat = await InFlow("tam-tru");
        await chat.Say("tôi ở phường Hạc Thành");

        Assert.Contains("công an phường Hạc Thành", chat.LastText);
        Assert.DoesNotContain("Đại lộ Nguyễn Hoàng", chat.LastText);
    }

    [Fact]
    public async Task A_place_said_at_the_menu_is_noted_and_the_menu_offered()
    {
        var chat = new Conversation(RealBot.Create());
        await chat.Join();

        await chat.Say("mình ở xã Thiệu Quang");

        Assert.Contains("Mình ghi nhận bạn ở xã Thiệu Quang", chat.LastText);
        Assert.NotEmpty(chat.Buttons);
        var known = Assert.Single(await CommuneEvents(chat));
        Assert.Null(known.RunId);
    }

    [Fact]
    public async Task A_procedure_asked_for_with_a_place_starts_and_keeps_the_commune()
    {
        var chat = new Conversation(RealBot.Create());

        await chat.Say("đăng ký kết hôn ở phường Hạc Thành");

        Assert.Contains(await chat.Events(), e => e.Kind == EventKinds.FlowStarted && e.FlowId == "ket-hon");
        await chat.Say("nộp ở đâu");
        Assert.Contains("Đại lộ Nguyễn Hoàng", chat.LastText);
    }

    [Fact]
    public async Task Buttons_left_untapped_and_a_question_left_unanswered_do_not_take_later_messages()
    {
        var chat = await InFlow("khai-sinh");
        await chat.Say("toi o dong tien");
        Assert.Contains("Phường Đông Tiến", chat.Buttons);

        await chat.Say("Bệnh viện, trạm y tế");
        await chat.Say("Phường Đông Tiến"); // the old button's text, typed at a later step: still a place the citizen names
        Assert.Equal("phuong-dong-tien", Assert.Single(await CommuneEvents(chat)).Property("commune"));

        // The one question about the commune, left unanswered: a later short reply is read as what it is.
        chat = await InFlow("khai-sinh");
        await chat.Say("nộp trực tiếp ở đâu");
        await chat.Say("Bệnh viện, trạm y tế");
        await chat.Say("abc xyz");
        Assert.DoesNotContain("không tìm thấy nơi này", chat.LastText);
        Assert.Contains("chưa hiểu", chat.LastText);
    }

    [Fact]
    public async Task In_english_a_place_is_answered_in_english()
    {
        var chat = new Conversation(RealBot.Create(), locale: "en-US");
        await chat.Say(RealBot.Catalog.Find("ket-hon")!.Title.For("en"));

        await chat.Say("I live in Dien Bien ward");

        Assert.Contains("Điện Biên ward is now part of Hạc Thành ward.", chat.LastText);
        Assert.Contains("Where Hạc Thành ward receives applications in person:", chat.LastText);
    }

    [Theory]
    [InlineData("khai-sinh", LocalOffice.PeopleCommittee)]
    [InlineData("ket-hon", LocalOffice.PeopleCommittee)]
    [InlineData("khai-tu", LocalOffice.PeopleCommittee)]
    [InlineData("tam-tru", LocalOffice.Police)]
    [InlineData("thuong-tru", LocalOffice.Police)]
    [InlineData("ho-chieu", LocalOffice.None)]       // the province's police; "gần nhất" for a lost passport is any commune
    [InlineData("vneid-muc-2", LocalOffice.None)]    // "bất kỳ": any commune's police
    [InlineData("cccd", LocalOffice.None)]
    [InlineData("tro-cap-that-nghiep", LocalOffice.None)]
    public void The_office_of_the_citizens_commune_is_read_from_the_flows_where_fact(string flowId, LocalOffice office) =>
        Assert.Equal(office, LocalOffices.Of(RealBot.Catalog.Find(flowId)!, "thanh-hoa"));

    [Fact]
    public async Task A_procedure_no_commune_office_handles_never_asks_for_the_commune()
    {
        var chat = await InFlow("ho-chieu");

        await chat.Say("nộp trực tiếp ở đâu");

        Assert.Contains("Xuất nhập cảnh", chat.LastText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Bạn ở xã, phường nào?", chat.LastText);
    }

    [Fact]
    public async Task The_state_keeps_the_communes_id_and_never_the_citizens_text()
    {
        var chat = await InFlow("khai-sinh");
        await chat.Say("nhà mình ở số 12 ngõ 5, phường Điện Biên cũ");

        var state = await chat.Store.LoadAsync(new GuidanceBot.Engine.ConversationKey("test", chat.Id), CancellationToken.None);
        Assert.Contains("\"commune\":\"phuong-hac-thanh\"", state!.Json);
        Assert.DoesNotContain("ngõ", state.Json);
        Assert.DoesNotContain("ngo 5", state.Json);
        Assert.DoesNotContain(await chat.Events(), e => e.Properties?.Values.Any(v => v.Contains("ngõ", StringComparison.Ordinal)) == true);
    }
}
