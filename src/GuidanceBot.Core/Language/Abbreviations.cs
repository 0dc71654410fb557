namespace GuidanceBot.Language;

/// <summary>Chat abbreviations (teencode) and their full, normalised Vietnamese.</summary>
/// <remarks>
/// Domain acronyms (cccd, cmnd, bhyt, vneid) are deliberately absent: citizens and content
/// both use them as words. Ambiguous entries take the reading most likely in a public-service
/// chat: "dk"/"đk" is đăng ký rather than được, "bn" is bao nhiêu rather than bạn.
/// </remarks>
public static class Abbreviations
{
    /// <summary>Word-for-word expansions, keyed by the normalised abbreviation.</summary>
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ko"] = "không",
        ["k"] = "không",
        ["hk"] = "không",
        ["hok"] = "không",
        ["khum"] = "không",
        ["hông"] = "không",
        ["kh"] = "không",
        ["khg"] = "không",
        ["hem"] = "không",
        ["dc"] = "được",
        ["đc"] = "được",
        ["đx"] = "được",
        ["dk"] = "đăng ký",
        ["đk"] = "đăng ký",
        ["j"] = "gì",
        ["vs"] = "với",
        ["ns"] = "nói",
        ["bn"] = "bao nhiêu",
        ["r"] = "rồi",
        ["cx"] = "cũng",
        ["ok"] = "ok",
        ["oke"] = "ok",
        ["okie"] = "ok",
        ["oki"] = "ok",
        ["uh"] = "ừ",
        ["uhm"] = "ừ",
        ["ừm"] = "ừ",
        ["uk"] = "ừ",
        ["bít"] = "biết",
        ["mik"] = "mình",
        ["mk"] = "mình",
        ["mìn"] = "mình",
        ["ng"] = "người",
        ["tks"] = "cảm ơn",
        ["thanks"] = "cảm ơn",
        ["thank"] = "cảm ơn",
        ["sdt"] = "số điện thoại",
        ["sđt"] = "số điện thoại",
        ["tk"] = "tài khoản",
    };

    /// <summary>Domain acronyms kept exactly as typed, never expanded nor squeezed ("cccd" has three c's on purpose).</summary>
    public static IReadOnlySet<string> DomainAcronyms { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "cccd", "cmnd", "bhyt", "bhxh", "vneid", "gplx", "dvc", "dvcqg", "www",
    };

    /// <summary>Expansions that apply only as the last word of a sentence ("sao z" means "sao vậy").</summary>
    public static IReadOnlyDictionary<string, string> SentenceFinal { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["z"] = "vậy",
        ["v"] = "vậy",
    };

    /// <summary>Expansions that depend on the word before: "tk mk" is an account's password, not "account me".</summary>
    public static IReadOnlyDictionary<(string Previous, string Word), string> AfterWord { get; } = new Dictionary<(string, string), string>
    {
        [("tk", "mk")] = "mật khẩu",
    };
}
