namespace GuidanceBot.Language;

/// <summary>Reads and checks a 12-digit CCCD personal ID number; recognises the old 9-digit CMND and explains it.</summary>
/// <remarks>Error texts never repeat the number: they are shown in chat and may reach transcripts.</remarks>
public static class CccdRecognizer
{
    private static readonly LocalizedReason NotFound = new(
        "Mình chưa thấy số định danh cá nhân trong tin nhắn. Số này gồm 12 chữ số, in trên thẻ căn cước (CCCD) hoặc trong ứng dụng VNeID.",
        "I could not find a personal ID number in your message. It has 12 digits and is printed on the citizen ID card (CCCD) or shown in the VNeID app.");

    private static readonly LocalizedReason OldCmnd = new(
        "Số bạn nhập có 9 chữ số, đó là số chứng minh nhân dân (CMND) cũ, nay không còn dùng vì đã thay bằng số định danh cá nhân 12 chữ số. Bạn xem số 12 chữ số trên thẻ căn cước công dân (CCCD) hoặc trong ứng dụng VNeID (mục Thông tin cá nhân) nhé.",
        "The number you typed has 9 digits: that is the old identity card (CMND) number, no longer used since it was replaced by the 12-digit personal ID number. You can find the 12-digit number on your citizen ID card (CCCD) or in the VNeID app (personal information).");

    private static readonly LocalizedReason UnknownProvince = new(
        "Ba chữ số đầu của số CCCD là mã tỉnh nơi đăng ký khai sinh, nhưng ba chữ số bạn nhập không phải mã tỉnh nào. Bạn kiểm tra lại số trên thẻ giúp mình nhé.",
        "The first three digits of a CCCD number are the code of the province where the birth was registered, but the digits you typed are not a province code. Please check the number on your card.");

    private static readonly LocalizedReason FutureBirthYear = new(
        "Chữ số thứ 4 đến thứ 6 của số CCCD cho biết năm sinh, nhưng năm sinh suy ra lại ở tương lai. Bạn kiểm tra lại số giúp mình nhé.",
        "Digits 4 to 6 of a CCCD number encode the year of birth, but the year they give is in the future. Please check the number.");

    private static readonly LocalizedReason BirthYearMismatch = new(
        "Năm sinh ghi trong số CCCD (chữ số thứ 4 đến thứ 6) không khớp với năm sinh bạn đã cho mình biết. Bạn kiểm tra lại số hoặc năm sinh giúp mình nhé.",
        "The year of birth encoded in the CCCD number (digits 4 to 6) does not match the year of birth you gave me. Please check the number or the year.");

    private static LocalizedReason WrongLength(int count) => new(
        $"Số định danh cá nhân (CCCD) có đúng 12 chữ số, nhưng số bạn nhập có {count} chữ số. Bạn kiểm tra lại giúp mình nhé.",
        $"A personal ID (CCCD) number has exactly 12 digits, but the number you typed has {count}. Please check it.");

    /// <summary>
    /// Reads the ID number in <paramref name="text"/>. <paramref name="knownBirthYear"/>, when given, must match
    /// the year the number encodes; <paramref name="currentYear"/> defaults to the year now in Vietnam.
    /// </summary>
    public static IdNumberResult Recognize(string text, int? knownBirthYear = null, int? currentYear = null)
    {
        var runs = DigitRun.Find(text ?? "");
        if (runs.Count == 0)
        {
            return Failure(NotFound);
        }
        var cccd = runs.FirstOrDefault(r => r.Digits.Length == 12);
        if (cccd.Digits is not null)
        {
            return Check(cccd.Digits, knownBirthYear, currentYear ?? VietnamNow().Year);
        }
        var cmnd = runs.FirstOrDefault(r => r.Digits.Length == 9);
        if (cmnd.Digits is not null)
        {
            return new IdNumberResult(IdKind.OldCmnd, cmnd.Digits, null, null, null, null, OldCmnd);
        }
        var longest = runs.MaxBy(r => r.Digits.Length);
        return Failure(longest.Digits.Length < 4 ? NotFound : WrongLength(longest.Digits.Length));
    }

    private static IdNumberResult Failure(LocalizedReason reason) => new(IdKind.None, null, null, null, null, null, reason);

    private static IdNumberResult Check(string digits, int? knownBirthYear, int currentYear)
    {
        var province = (digits[0] - '0') * 100 + (digits[1] - '0') * 10 + (digits[2] - '0');
        if (!ProvinceCodes.Names.TryGetValue(province, out var provinceName))
        {
            return new IdNumberResult(IdKind.Cccd, digits, province, null, null, null, UnknownProvince);
        }

        // Digit 4: even for men, odd for women; 0/1 the 1900s, 2/3 the 2000s, and so on.
        var centuryAndSex = digits[3] - '0';
        var birthYear = 1900 + centuryAndSex / 2 * 100 + (digits[4] - '0') * 10 + (digits[5] - '0');
        var sex = centuryAndSex % 2 == 0 ? "male" : "female";

        LocalizedReason? error = null;
        if (birthYear > currentYear)
        {
            error = FutureBirthYear;
        }
        else if (knownBirthYear is not null && knownBirthYear != birthYear)
        {
            error = BirthYearMismatch;
        }
        return new IdNumberResult(IdKind.Cccd, digits, province, provinceName, birthYear, sex, error);
    }

    private static DateTimeOffset VietnamNow() => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7));
}
