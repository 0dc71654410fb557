using GuidanceBot.Content;

namespace GuidanceBot.Bot;

/// <summary>
/// The fixed texts the bot says about the citizen's commune, one per key-like name so they move to resources as they are
/// (<c>{0}</c>: the commune as "phường Hạc Thành" / "Hạc Thành ward"; <c>{1}</c>: the province's name).
/// </summary>
internal static class CommuneTexts
{
    public static readonly LocalizedText AskCommune = new(
        "Bạn ở xã, phường nào? Bạn gõ tên (tên cũ trước ngày 1/7/2025 cũng được), mình chỉ nơi nộp hồ sơ ở đó.",
        "Which commune or ward do you live in? Type its name (the name before 1 July 2025 is fine too) and I will tell you where to apply there.");

    public static readonly LocalizedText Noted = new(
        "Mình ghi nhận bạn ở {0}. Khi cần nộp hồ sơ trực tiếp, mình sẽ chỉ nơi nộp ở đó.",
        "Noted: you live in {0}. When you need to apply in person, I will tell you where to go there.");

    public static readonly LocalizedText ServicePointsIntro = new("Nơi tiếp nhận hồ sơ trực tiếp của {0}:", "Where {0} receives applications in person:");

    public static readonly LocalizedText ServicePointPhone = new("điện thoại", "phone");

    public static readonly LocalizedText ServicePointHours = new("giờ làm việc", "hours");

    public static readonly LocalizedText NoServicePoint = new(
        "Bạn liên hệ UBND hoặc Trung tâm phục vụ hành chính công của {0}. Mình chưa có địa chỉ, số điện thoại đã được xác nhận của nơi này nên không ghi ra.",
        "Contact the People's Committee or the public administration service centre of {0}. I have no confirmed address or phone number for it, so I will not give one.");

    public static readonly LocalizedText CommunePolice = new(
        "Bạn đến công an {0} (công an xã, phường nơi bạn cư trú). Mình chưa có địa chỉ đã được xác nhận của nơi này nên không ghi ra.",
        "Go to the police of {0} (the commune or ward police where you live). I have no confirmed address for it, so I will not give one.");

    public static readonly LocalizedText WhichOne = new("Tên này có ở nhiều nơi. Bạn ở đâu?", "Several places have that name. Which one do you live in?");

    public static readonly LocalizedText WhichPart = new(
        "Nơi này từ 1/7/2025 được chia cho nhiều xã, phường. Bạn ở phần nào?",
        "Since 1 July 2025 that place has been split between several communes or wards. Which part do you live in?");

    public static readonly LocalizedText WhichFromDistrict = new(
        "Huyện, thị xã, thành phố cũ này nay gồm nhiều xã, phường. Bạn ở xã, phường nào?",
        "That former district now spans several communes and wards. Which one do you live in?");

    public static readonly LocalizedText Unknown = new(
        "Mình không tìm thấy nơi này trong danh sách xã, phường của tỉnh {1} (từ 1/7/2025) nên không đoán. Bạn gõ lại tên xã, phường (tên cũ cũng được), hoặc hỏi UBND xã, phường nơi bạn cư trú.",
        "I cannot find that place among the communes and wards of {1} province (since 1 July 2025), so I will not guess. Type the commune or ward's name again (the former name is fine), or ask the People's Committee where you live.");
}
