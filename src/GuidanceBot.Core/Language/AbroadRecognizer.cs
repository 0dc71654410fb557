namespace GuidanceBot.Language;

/// <summary>Reads whether the citizen is (or the event happened) abroad: "ở nước ngoài", "bên Nhật", "overseas" → true; "trong nước", "ở quê" → false.</summary>
public static class AbroadRecognizer
{
    // Canonical phrases (folded); checked as whole words.
    private static readonly string[] Abroad =
    [
        "nuoc ngoai", "hai ngoai", "quoc ngoai", "abroad", "overseas", "outside vietnam", "viet kieu", "xuat canh",
        // Countries only where the folded name is no common word: "pháp" is also tư pháp, "lào" also lao động.
        "nhat ban", "ben nhat", "o nhat", "han quoc", "ben han", "dai loan", "ben my", "o my", "nuoc my", "nuoc uc", "ben uc",
        "canada", "nuoc duc", "ben duc", "nuoc phap", "ben phap", "anh quoc", "singapore", "malaysia", "thai lan", "trung quoc",
        "nuoc lao", "ben lao", "campuchia",
    ];

    private static readonly string[] Home =
    [
        "trong nuoc", "o viet nam", "tai viet nam", "in vietnam", "o que", "o nha", "tai nha", "o day", "in the country",
        "viet nam", "vn",
    ];

    /// <summary>True abroad, false at home, null when the text says neither; "không ở nước ngoài" is false.</summary>
    public static bool? Recognize(string text)
    {
        var canonical = " " + VietnameseText.Canonical(text ?? "") + " ";
        foreach (var phrase in Abroad)
        {
            var at = canonical.IndexOf(" " + phrase + " ", StringComparison.Ordinal);
            if (at >= 0)
            {
                var before = canonical[..at];
                var negated = before.EndsWith(" khong o", StringComparison.Ordinal) || before.EndsWith(" khong", StringComparison.Ordinal)
                    || before.EndsWith(" not", StringComparison.Ordinal) || before.EndsWith(" chua", StringComparison.Ordinal)
                    || before.EndsWith(" khong phai o", StringComparison.Ordinal) || before.EndsWith(" not in", StringComparison.Ordinal);
                return !negated;
            }
        }
        foreach (var phrase in Home)
        {
            if (canonical.Contains(" " + phrase + " ", StringComparison.Ordinal))
            {
                return false;
            }
        }
        return null;
    }
}
