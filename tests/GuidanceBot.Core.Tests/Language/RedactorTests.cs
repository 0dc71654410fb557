using GuidanceBot.Language;

namespace GuidanceBot.Tests.Language;

public class RedactorTests
{
    [Theory]
    [InlineData("số cccd 001090012345 ạ", "số cccd [SỐ GIẤY TỜ] ạ")]
    [InlineData("CCCD: 001 090 012 345", "CCCD: [SỐ GIẤY TỜ]")]
    [InlineData("001.090.012.345 là số của tôi", "[SỐ GIẤY TỜ] là số của tôi")]
    [InlineData("cmnd cũ 123456789", "cmnd cũ [SỐ GIẤY TỜ]")]
    [InlineData("cmnd 123 456 789.", "cmnd [SỐ GIẤY TỜ].")]
    public void Id_numbers_are_replaced(string text, string expected)
    {
        Assert.Equal(expected, Redactor.Redact(text));
    }

    [Theory]
    [InlineData("gọi 0912345678 nhé", "gọi [SĐT] nhé")]
    [InlineData("sđt: 0912 345 678", "sđt: [SĐT]")]
    [InlineData("+84 912 345 678", "[SĐT]")]
    [InlineData("(+84) 912-345-678 ạ", "[SĐT] ạ")]
    [InlineData("số cũ 0168.123.4567", "số cũ [SĐT]")]
    [InlineData("máy bàn 0281234567", "máy bàn [SĐT]")]
    public void Phone_numbers_are_replaced(string text, string expected)
    {
        Assert.Equal(expected, Redactor.Redact(text));
    }

    [Theory]
    [InlineData("mail: nguyen.van.an@gmail.com", "mail: [EMAIL]")]
    [InlineData("gửi về an_nguyen+vneid@cong-an.gov.vn nhé", "gửi về [EMAIL] nhé")]
    public void Email_addresses_are_replaced(string text, string expected)
    {
        Assert.Equal(expected, Redactor.Redact(text));
    }

    [Theory]
    [InlineData("Tôi là Nguyễn Văn An, muốn làm CCCD", "Tôi là [TÊN], muốn làm CCCD")]
    [InlineData("Tên tôi là Trần Thị Bích Ngọc.", "Tên tôi là [TÊN].")]
    [InlineData("tên là Lê Minh", "tên là [TÊN]")]
    [InlineData("Mình là Hoa và mình cần hỏi", "Mình là [TÊN] và mình cần hỏi")]
    [InlineData("em là Phạm Văn Đức ạ", "em là [TÊN] ạ")]
    [InlineData("Tên mình là Vũ Thị Lan", "Tên mình là [TÊN]")]
    [InlineData("toi la Nguyen Van An", "toi la [TÊN]")]
    [InlineData("ten toi la nguyen van an", "ten toi la [TÊN]")]
    [InlineData("tên tôi là nguyễn văn an, cần hỏi", "tên tôi là [TÊN], cần hỏi")]
    [InlineData("tên là lan muốn hỏi về tạm trú", "tên là [TÊN] muốn hỏi về tạm trú")]
    [InlineData("Họ và tên: Đỗ Quang Huy", "Họ và tên: [TÊN]")]
    public void Self_introduced_names_are_replaced(string text, string expected)
    {
        Assert.Equal(expected, Redactor.Redact(text));
    }

    [Fact]
    public void Everything_is_redacted_together()
    {
        var text = "Tôi là Nguyễn Văn An, sinh 1990, CCCD 001090012345, sđt 0912345678, email an@example.com";
        Assert.Equal(
            "Tôi là [TÊN], sinh 1990, CCCD [SỐ GIẤY TỜ], sđt [SĐT], email [EMAIL]",
            Redactor.Redact(text));
    }

    [Fact]
    public void Numbers_run_together_are_still_redacted()
    {
        Assert.Equal("năm 1990 [SĐT]", Redactor.Redact("năm 1990 0912345678"));
    }

    [Theory]
    [InlineData("Làm CCCD mất bao lâu?")]
    [InlineData("phí 50.000 đồng")]
    [InlineData("sinh ngày 05/03/1990")]
    [InlineData("tôi là người nước ngoài")]
    [InlineData("em là sinh viên")]
    [InlineData("")]
    public void Text_without_personal_data_is_unchanged(string text)
    {
        Assert.Equal(text, Redactor.Redact(text));
    }

    [Theory]
    [InlineData(
        "Chào ad, em là Nguyễn Thị Thu Hà, CCCD 038195012345, sđt 0987 654 321. Em muốn đổi căn cước vì hết hạn ạ",
        "Chào ad, em là [TÊN], CCCD [SỐ GIẤY TỜ], sđt [SĐT]. Em muốn đổi căn cước vì hết hạn ạ")]
    [InlineData(
        "ten toi la tran van binh, so cmnd cu 172345678, dt 0912.345.678, can lam lai cccd bi mat",
        "ten toi la [TÊN], so cmnd cu [SỐ GIẤY TỜ], dt [SĐT], can lam lai cccd bi mat")]
    [InlineData(
        "Mình là Lê Hoàng Nam, số cũ 01688123456 không nhận được OTP vneid, mail lehoangnam90@gmail.com",
        "Mình là [TÊN], số cũ [SĐT] không nhận được OTP vneid, mail [EMAIL]")]
    [InlineData(
        "đăng ký tạm trú cho cháu, cccd của cháu là 079 203 001 234, liên hệ +84 356 789 012 nhé",
        "đăng ký tạm trú cho cháu, cccd của cháu là [SỐ GIẤY TỜ], liên hệ [SĐT] nhé")]
    public void Real_looking_messages_keep_the_question_and_lose_the_personal_data(string text, string expected)
    {
        Assert.Equal(expected, Redactor.Redact(text));
    }

    [Theory]
    [InlineData("Nguyễn Văn An muốn làm CCCD", "[TÊN] muốn làm CCCD")]
    [InlineData("cho hỏi Trần Thị Bích Ngọc đổi sđt thế nào", "cho hỏi [TÊN] đổi sđt thế nào")]
    [InlineData("bố cháu Phạm Minh Tuấn đi vắng", "bố cháu [TÊN] đi vắng")]
    [InlineData("NGUYEN VAN AN can hoi", "[TÊN] can hoi")]
    [InlineData("Vợ tôi Đỗ Thu Trang chưa có VNeID", "Vợ tôi [TÊN] chưa có VNeID")]
    public void Capitalised_names_without_an_introduction_are_replaced(string text, string expected)
    {
        Assert.Equal(expected, Redactor.Redact(text));
    }

    [Theory]
    [InlineData("Đăng ký tạm trú ở Thành phố Hồ Chí Minh")]
    [InlineData("Do I Need a passport?")]
    [InlineData("Hồ sơ Khai Sinh gồm gì")]
    [InlineData("nhà 12 Lê Lợi, phường Đông Sơn")]
    [InlineData("ở đường Trần Phú")]
    public void Capitalised_words_that_are_no_name_are_kept(string text)
    {
        Assert.Equal(text, Redactor.Redact(text));
    }

    [Fact]
    public async Task A_long_run_of_single_digits_is_redacted_in_time_proportional_to_its_length()
    {
        // 60,000 one-digit chunks: cubic work would take hours, linear work milliseconds. The deadline is a hang guard.
        var ones = string.Join(' ', Enumerable.Repeat("1", 60_000));
        var text = ones + " gọi 0912 345 678";
        var redacted = await Task.Run(() => Redactor.Redact(text)).WaitAsync(TimeSpan.FromSeconds(60));
        // Twelve digits in a row are as long as a CCCD: when in doubt, redact.
        Assert.Equal(string.Join(' ', Enumerable.Repeat(Redactor.IdNumber, 5_000)) + " gọi [SĐT]", redacted);
    }
}
