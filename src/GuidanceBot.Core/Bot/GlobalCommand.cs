using GuidanceBot.Language;

namespace GuidanceBot.Bot;

/// <summary>Commands a citizen can type at any step, in Vietnamese or English, with or without diacritics.</summary>
public enum GlobalCommand { None, Help, Back, Restart, Cancel, Handoff, English, Vietnamese }

/// <summary>Recognises the global commands by their canonical (folded, abbreviation-expanded) form.</summary>
public static class GlobalCommands
{
    private static readonly Dictionary<string, GlobalCommand> Phrases = Build(new()
    {
        [GlobalCommand.Help] = ["giúp", "giúp tôi", "giúp mình", "giúp với", "trợ giúp", "hướng dẫn", "help", "?"],
        [GlobalCommand.Back] = ["quay lại", "trở lại", "lùi lại", "bước trước", "back", "go back", "previous"],
        [GlobalCommand.Restart] = ["bắt đầu lại", "làm lại", "làm lại từ đầu", "menu", "trang chủ", "restart", "start over", "main menu"],
        [GlobalCommand.Cancel] = ["thoát", "hủy", "huỷ", "hủy bỏ", "dừng lại", "kết thúc", "cancel", "stop", "quit", "exit"],
        [GlobalCommand.Handoff] = ["gặp cán bộ", "gặp người thật", "nói chuyện với cán bộ", "gọi cán bộ", "tổng đài", "hotline", "cán bộ", "talk to staff", "talk to a person", "human", "agent"],
        [GlobalCommand.English] = ["english", "tiếng anh", "in english"],
        [GlobalCommand.Vietnamese] = ["tiếng việt", "vietnamese", "tieng viet"],
    });

    public static GlobalCommand Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return GlobalCommand.None;
        }
        var key = text.Trim() == "?" ? "?" : VietnameseText.Canonical(text);
        return Phrases.GetValueOrDefault(key, GlobalCommand.None);
    }

    private static Dictionary<string, GlobalCommand> Build(Dictionary<GlobalCommand, string[]> table)
    {
        var result = new Dictionary<string, GlobalCommand>(StringComparer.Ordinal) { ["?"] = GlobalCommand.Help };
        foreach (var (command, phrases) in table)
        {
            foreach (var phrase in phrases)
            {
                result[VietnameseText.Canonical(phrase)] = command;
            }
        }
        return result;
    }
}
