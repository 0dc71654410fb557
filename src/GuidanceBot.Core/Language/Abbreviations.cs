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
        ["ntn"] = "như thế nào",
        ["nhiu"] = "nhiều",
        ["nhìu"] = "nhiều",
        ["bik"] = "biết",
        ["bjk"] = "biết",
        ["wa"] = "quá",
        ["ms"] = "mới",
        ["trc"] = "trước",
        ["kq"] = "kết quả",
        ["tp"] = "thành phố",
        ["cty"] = "công ty",
        ["onl"] = "online",
        ["mún"] = "muốn",
        ["k0"] = "không",
        ["hgđ"] = "hộ gia đình",
        ["hgd"] = "hộ gia đình",
    };

    /// <summary>Domain acronyms kept exactly as typed, never expanded nor squeezed ("cccd" has three c's on purpose).</summary>
    public static IReadOnlySet<string> DomainAcronyms { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "cccd", "cmnd", "bhyt", "bhxh", "bhtn", "tctn", "vneid", "gplx", "lltp", "llttp", "dvc", "dvcqg", "ubnd", "www",
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
        // "bn" is bao nhiêu unless it is clearly someone addressed: "chào bn", "cảm ơn bn", "của bn".
        [("chào", "bn")] = "bạn",
        [("chao", "bn")] = "bạn",
        [("ơn", "bn")] = "bạn",
        [("on", "bn")] = "bạn",
        [("của", "bn")] = "bạn",
        [("hỏi", "bn")] = "bạn",
        [("giúp", "bn")] = "bạn",
        // "hk" is không, except after the verbs that take a household registration book.
        [("nhập", "hk")] = "hộ khẩu",
        [("nhap", "hk")] = "hộ khẩu",
        [("chuyển", "hk")] = "hộ khẩu",
        [("chuyen", "hk")] = "hộ khẩu",
        [("tách", "hk")] = "hộ khẩu",
        [("tach", "hk")] = "hộ khẩu",
        [("sổ", "hk")] = "hộ khẩu",
        [("so", "hk")] = "hộ khẩu",
    };

    /// <summary>Expansions that depend on the word after: "bn ơi" calls someone (bạn), "bn tiền" asks how much.</summary>
    public static IReadOnlyDictionary<(string Word, string Next), string> BeforeWord { get; } = new Dictionary<(string, string), string>
    {
        [("bn", "ơi")] = "bạn",
        [("bn", "oi")] = "bạn",
        [("bn", "có")] = "bạn",
        [("bn", "co")] = "bạn",
        [("bn", "biết")] = "bạn",
        [("bn", "biet")] = "bạn",
        [("bn", "là")] = "bạn",
        [("bn", "la")] = "bạn",
    };

    /// <summary>Abbreviations that mean a different word after a number: "50 k" is fifty thousand, not "50 không".</summary>
    public static IReadOnlyDictionary<string, string> AfterNumber { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["k"] = "nghìn",
        ["tr"] = "triệu",
    };

    /// <summary>
    /// What the domain acronyms stand for, for recognisers that match them against content written either way
    /// (the text shown to citizens keeps the acronym; see <see cref="DomainAcronyms"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> DomainExpansions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cccd"] = "căn cước công dân",
        ["cmnd"] = "chứng minh nhân dân",
        ["bhyt"] = "bảo hiểm y tế",
        ["bhxh"] = "bảo hiểm xã hội",
        ["bhtn"] = "bảo hiểm thất nghiệp",
        ["tctn"] = "trợ cấp thất nghiệp",
        ["gplx"] = "giấy phép lái xe",
        ["lltp"] = "lý lịch tư pháp",
        ["llttp"] = "lý lịch tư pháp",
        ["dvc"] = "dịch vụ công",
        ["dvcqg"] = "dịch vụ công quốc gia",
        ["ubnd"] = "ủy ban nhân dân",
    };

    /// <summary>
    /// Everyday words for what the content names otherwise, for the intent recognisers: a citizen writes "qua đời" or
    /// "passport" where the example utterances say "mất" or "hộ chiếu". Keys and values are whole words or word pairs; the recognisers add the value and keep the key.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Synonyms { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["qua đời"] = "mất",
        ["từ trần"] = "mất",
        ["tạ thế"] = "mất",
        ["passed away"] = "mất",
        ["died"] = "mất",
        ["passport"] = "hộ chiếu",
        ["login"] = "đăng nhập",
        ["log in"] = "đăng nhập",
        ["sign in"] = "đăng nhập",
        ["sa thải"] = "nghỉ việc",
        ["thôi việc"] = "nghỉ việc",
        ["mất việc"] = "nghỉ việc",
        ["cưới"] = "kết hôn",
        ["hôn thú"] = "kết hôn",
    };
}
