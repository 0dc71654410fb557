using GuidanceBot.Content;

namespace GuidanceBot.Language;

/// <summary>
/// The phrases that mark a conversational act or a question about a procedure's facts, as citizens type them in chat:
/// Vietnamese with and without diacritics, chat abbreviations (expanded before matching: "tks" reads "cảm ơn"), and
/// English. Written from how people open, thank, complain and ask in public-service chats; the evaluation sets in
/// tests/…/Language/Evaluation are separate and never copied here.
/// </summary>
internal static class CuePhrases
{
    public static IReadOnlyDictionary<ConversationalAct, string[]> Acts { get; } = new Dictionary<ConversationalAct, string[]>
    {
        [ConversationalAct.Greeting] =
        [
            "xin chào", "xinchao", "chào", "chào bạn", "chào ad", "chào anh", "chào chị", "chào em", "chào mọi người",
            "chào cả nhà", "chào buổi sáng", "chào buổi chiều", "chào buổi tối", "alo", "a lô", "allo", "alô alô", "lô",
            "hello", "helo", "helloo", "heloo", "hellu", "hế lô", "hé lô", "hê lô", "hi", "hii", "hey", "heyy", "yo", "howdy", "greetings",
            "good morning", "good afternoon", "good evening", "morning", "bạn ơi", "ad ơi", "admin ơi", "bot ơi",
            "anh ơi", "chị ơi", "em ơi", "ơi", "có ai không", "có ai ở đó không", "có ai trực không", "còn ai không",
            "bạn có đó không", "có đó không", "is anyone there", "anybody there", "anyone there", "nice to meet you",
            "rất vui được gặp", "hân hạnh", "chúc buổi sáng", "quay lại rồi", "mình quay lại rồi", "em quay lại rồi",
            "tôi quay lại rồi", "i'm back", "i am back",
        ],
        [ConversationalAct.Thanks] =
        [
            "cảm ơn", "cám ơn", "camon", "cảmơn", "cám ơn nhiều", "cảm ơn nhiều", "xin cảm ơn", "cảm tạ", "đa tạ",
            "biết ơn", "thank you", "thankyou", "thanks a lot", "thank u", "thx", "thks", "ty", "tysm", "many thanks",
            "appreciate it", "much appreciated", "tuyệt vời", "hay quá", "tốt quá", "hữu ích quá", "rất hữu ích",
            "great", "awesome", "perfect", "excellent", "very helpful", "helpful", "love it",
        ],
        [ConversationalAct.Goodbye] =
        [
            "tạm biệt", "bye", "bye bye", "byebye", "bai", "bái bai", "bb", "goodbye", "good bye", "see you", "see ya",
            "hẹn gặp lại", "thôi chào", "chào nhé", "chào nha", "mình đi đây", "đi đây", "thôi nhé", "thôi",
            "không cần nữa", "không cần đâu", "không cần", "hết rồi", "vậy thôi", "thế thôi", "không còn gì",
            "không có gì nữa", "không hỏi gì nữa", "that's all", "that is all", "nothing else", "no thanks",
            "no thank you", "good night", "ngủ ngon", "chúc ngủ ngon", "để sau", "lúc khác", "hôm khác",
            "để hôm khác", "later", "talk later", "cya",
        ],
        [ConversationalAct.Acknowledgement] =
        [
            "ok", "okay", "oke", "okie", "oki", "okela", "okê", "ô kê", "o ke", "vâng", "dạ", "dạ vâng", "ừ", "ừm",
            "uh", "uhm", "um", "được", "được rồi", "rồi", "xong rồi", "hiểu rồi", "đã hiểu", "biết rồi",
            "rõ rồi", "đã rõ", "nắm rồi", "nhận được rồi", "đúng rồi", "chuẩn", "có", "yes", "yeah", "yep", "yup",
            "got it", "alright", "all right", "fine", "sure", "i see", "understood", "noted", "cool",
            "kk", "hihi", "haha", "hehe", "hì",
        ],
        [ConversationalAct.WhoAreYou] =
        [
            "bạn là ai", "ai đấy", "ai đó", "ai vậy", "ai thế", "đây là ai", "bạn tên gì", "tên bạn là gì", "tên gì",
            "bạn là người hay máy", "người hay máy", "người thật hay máy", "bạn là người thật", "người thật không",
            "bạn là bot", "là bot à", "là bot hả", "bạn là robot", "là máy à", "là máy hả", "bạn là gì", "đây là đâu",
            "ai đang trả lời", "ai đang nhắn", "ai đang chat", "bạn thuộc cơ quan nào", "bạn của cơ quan nào",
            "ai tạo ra bạn", "bạn là chatbot", "chatbot gì", "trợ lý ảo à", "của cơ quan nào", "thuộc cơ quan nào",
            "bên nào vậy", "trang của ai", "who are you", "what are you",
            "are you a bot", "are you human", "are you a robot", "are you a person", "are you real", "is this a bot",
            "is this a human", "am i talking to a bot", "your name", "what is your name", "who made you",
        ],
        [ConversationalAct.WhatCanYouDo] =
        [
            "bạn giúp được gì", "bạn làm được gì", "bạn có thể làm gì", "bạn có thể giúp gì", "bạn biết làm gì",
            "bạn biết gì", "bạn hỗ trợ được gì", "bạn hỗ trợ những gì", "hỗ trợ được gì", "hỗ trợ những gì",
            "giúp được gì", "giúp được những gì", "làm được gì", "làm được những gì", "có thể giúp gì", "giúp gì được",
            "hướng dẫn được gì", "hướng dẫn được những gì", "hướng dẫn những thủ tục nào", "có những thủ tục nào",
            "có những thủ tục gì", "những thủ tục nào", "những thủ tục gì", "được những thủ tục gì", "hỗ trợ thủ tục gì",
            "hỗ trợ những thủ tục nào", "có những dịch vụ gì", "có những dịch vụ nào", "làm được thủ tục nào",
            "làm được thủ tục gì", "dùng để làm gì", "để làm gì", "bot này làm gì", "trang này làm gì", "chức năng gì",
            "có chức năng gì", "tính năng gì", "what can you do", "what do you do", "how can you help",
            "what can you help with", "what can you help me with", "what services", "what can i ask",
            "what can i do here", "what is this for", "what do you know", "what do you cover",
        ],
        [ConversationalAct.VagueRequest] =
        [
            "cho hỏi", "cho mình hỏi", "cho em hỏi", "cho tôi hỏi", "cho tớ hỏi", "cho hỏi chút", "cho mình hỏi chút",
            "cho em hỏi chút", "hỏi chút", "hỏi tí", "hỏi xíu", "hỏi cái", "hỏi chút việc", "mình cần hỏi",
            "mình muốn hỏi", "tôi muốn hỏi", "em muốn hỏi", "em cần hỏi", "tôi cần hỏi", "cần hỏi", "muốn hỏi",
            "có việc cần hỏi", "có chuyện cần hỏi", "có việc muốn hỏi", "có chút việc", "có việc", "cần tư vấn",
            "tư vấn", "tư vấn giúp", "tư vấn giúp mình", "tư vấn cho mình", "tư vấn cho em", "cần giúp", "cần giúp đỡ",
            "cần hỗ trợ", "muốn được hỗ trợ", "hỗ trợ mình", "hỗ trợ em", "hỗ trợ tôi", "giúp mình với", "giúp em với",
            "giúp tôi với", "giúp em", "giúp mình", "nhờ bạn", "nhờ chút", "nhờ tí", "làm ơn giúp", "thắc mắc",
            "có thắc mắc", "cần hướng dẫn", "muốn được hướng dẫn", "hướng dẫn mình", "hướng dẫn em", "chỉ mình với",
            "chỉ em với", "chỉ giúp", "hỏi", "hỏi đáp", "làm thủ tục", "làm giấy tờ", "thủ tục hành chính", "dịch vụ công",
            "i have a question", "i have some questions", "i have a few questions", "quick question", "a question",
            "can i ask", "can i ask something", "can i ask you something", "i need help", "need help", "help me",
            "can you help", "can you help me", "i need some help", "i want to ask", "i need assistance",
            "i need some advice",
        ],
        [ConversationalAct.Complaint] =
        [
            "không hiểu gì cả", "không hiểu gì", "chẳng hiểu gì", "chả hiểu gì", "không hiểu", "khó hiểu",
            "khó hiểu quá", "rối quá", "rắc rối quá", "phức tạp quá", "khó quá", "mệt quá", "chán quá", "chán",
            "bực", "bực mình", "bực quá", "tức", "tức quá", "điên", "điên quá", "ngu", "ngu quá", "bot ngu", "dở",
            "dở tệ", "tệ", "tệ quá", "vô dụng", "vô ích", "không giúp được gì", "chẳng giúp được gì",
            "không được tích sự gì", "mất thời gian", "phí thời gian", "hỏi một đằng trả lời một nẻo",
            "trả lời linh tinh", "trả lời sai", "trả lời không đúng", "lằng nhằng", "rườm rà", "làm mãi không được",
            "thử mãi không được", "mãi không xong", "sao khó thế", "sao lâu thế", "không ra gì", "useless", "stupid",
            "dumb", "this is useless", "not helpful", "you don't understand", "you do not understand",
            "you are not helping", "you're not helping", "this doesn't work", "does not work", "doesn't work",
            "terrible", "annoying", "frustrating", "i'm frustrated", "waste of time", "what the hell", "wtf", "đm",
            "vl", "vãi", "cmn",
        ],
    };

    public static IReadOnlyDictionary<string, string[]> Questions { get; } = new Dictionary<string, string[]>
    {
        [FactNames.Fee] =
        [
            "bao nhiêu tiền", "bao nhiêu", "mất bao nhiêu", "hết bao nhiêu", "tốn bao nhiêu", "nộp bao nhiêu",
            "đóng bao nhiêu", "trả bao nhiêu", "lệ phí", "phí", "chi phí", "giá bao nhiêu", "mất tiền",
            "tốn tiền", "mất phí", "có mất tiền", "có mất phí", "có tốn tiền", "có phải trả tiền", "phải trả tiền",
            "phải đóng tiền", "phải nộp tiền", "có thu phí", "thu phí", "miễn phí", "free", "how much", "fee", "fees",
            "cost", "costs", "price", "charge", "is it free", "do i pay", "do i have to pay", "pay anything",
        ],
        [FactNames.Time] =
        [
            "mất bao lâu", "bao lâu", "bao lâu thì", "mấy ngày", "bao nhiêu ngày", "mất mấy ngày", "bao giờ",
            "bao giờ có", "khi nào có", "khi nào thì có", "khi nào nhận", "bao giờ nhận", "thời gian", "thời hạn",
            "thời gian giải quyết", "lâu không", "có lâu không", "nhanh không", "có nhanh không", "how long",
            "how many days", "how soon", "when will i get", "when do i get", "when will it be ready",
            "processing time", "how long does it take", "takes how long",
        ],
        [FactNames.Documents] =
        [
            "cần giấy tờ gì", "giấy tờ gì", "cần những giấy tờ gì", "những giấy tờ gì", "cần những gì", "cần gì",
            "cần mang gì", "mang gì", "mang theo gì", "cần mang theo", "cần chuẩn bị gì", "chuẩn bị gì",
            "chuẩn bị những gì", "hồ sơ gồm", "hồ sơ gồm những gì", "hồ sơ cần gì", "hồ sơ gì", "thành phần hồ sơ",
            "cần hồ sơ gì", "giấy tờ cần thiết", "what documents", "which documents", "what papers",
            "which papers", "what do i need", "what should i bring", "what do i bring", "documents needed",
            "documents required", "what is required",
        ],
        [FactNames.Where] =
        [
            "ở đâu", "chỗ nào", "nơi nào", "tại đâu", "đến đâu", "đi đâu", "nộp ở đâu", "làm ở đâu",
            "nộp trực tiếp ở đâu", "cơ quan nào", "cơ quan nào giải quyết", "văn phòng nào", "địa chỉ", "where",
            "which office", "what office", "where do i go", "where do i apply", "where can i",
        ],
        [FactNames.Online] =
        [
            "online được không", "online được ko", "online không", "có online được không", "làm online được không",
            "nộp online được không", "trực tuyến được không", "trên mạng được không", "qua mạng được không",
            "làm trên mạng được không", "nộp qua mạng được không", "làm tại nhà được không", "ở nhà làm được không",
            "trên điện thoại được không", "qua điện thoại được không", "qua app được không", "có làm online",
            "có nộp online", "có thể làm online", "có thể nộp online", "có cần đi", "có phải đi", "phải đến tận nơi",
            "phải lên tận nơi", "can i do it online", "can i apply online", "can it be done online", "is it online",
            "do it online", "apply online", "online possible", "do i have to go",
        ],
        [FactNames.Legal] =
        [
            "căn cứ", "căn cứ pháp lý", "căn cứ vào đâu", "luật nào", "theo luật nào", "luật gì", "quy định nào",
            "quy định ở đâu", "quy định gì", "nghị định nào", "thông tư nào", "văn bản nào", "theo quy định nào",
            "ai quyết định", "ai duyệt", "ai xét duyệt", "thẩm quyền", "cơ quan nào quyết định", "legal basis",
            "which law", "what law", "which regulation", "what regulation", "who decides", "who approves", "by law",
        ],
        [FactNames.Next] =
        [
            "nộp xong", "nộp xong thì sao", "nộp xong rồi", "xong rồi thì sao", "xong thì sao", "rồi sao nữa",
            "sau khi nộp", "sau khi nộp thì sao", "sau khi nộp làm gì", "sau đó làm gì", "sau đó thì sao",
            "tiếp theo làm gì", "tiếp theo là gì", "làm gì tiếp", "làm gì tiếp theo", "bước tiếp theo là gì",
            "what happens next", "what happens after", "after i submit", "after submitting", "after applying",
            "then what", "what next", "what's next", "what is next",
        ],
    };

    /// <summary>
    /// Words that address the bot or soften a message ("ad ơi", "ạ", "nhé", "please"): they neither make an act nor
    /// make a message more than its acts. Canonical forms.
    /// </summary>
    public static IReadOnlySet<string> Softeners { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "ad", "admin", "ak", "ah", "anh", "ban", "bot", "c", "chi", "cau", "e", "em", "m", "minh", "toi", "tui", "t",
        "to", "mn", "moi", "nguoi", "ca", "nha", "oi", "nhe", "nhen", "ne", "ha", "hen", "hi", "di", "voi", "vay", "the",
        "luon", "nhieu", "lam", "qua", "nho", "that", "nhi", "day", "do", "nua", "roi", "so", "much", "very",
        "lot", "please", "pls", "plz", "again", "you", "u", "i", "my", "me", "guys", "all", "everyone", "there", "dear",
        "sir", "madam", "bro", "sis", "chatbot", "tro", "ly", "ao", "ti", "chut", "xiu", "vs", "nhung", "cho",
        "ho", "dum", "gium", "ve", "dang", "cua", "nay", "kia", "thi", "la", "va", "ma", "hoi", "xin", "giup", "dau", "su", "gi", "da", "is", "it", "this", "for", "of", "does",
    };

    /// <summary>Emoji that say an act on their own, read as the words they stand for.</summary>
    public static IReadOnlyDictionary<string, string> Emoji { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["👍"] = " ok ", ["👌"] = " ok ", ["🙏"] = " cảm ơn ", ["❤️"] = " cảm ơn ", ["❤"] = " cảm ơn ", ["🥰"] = " cảm ơn ",
        ["👋"] = " chào ", ["😡"] = " bực ", ["😠"] = " bực ", ["🤬"] = " bực ", ["😤"] = " bực ",
    };
}
